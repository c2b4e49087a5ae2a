"""Writers that express a generated operation in the shape a real helpdesk lands it in the warehouse."""
