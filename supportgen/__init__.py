"""supportgen: a deterministic generator of raw helpdesk data for a B2B SaaS support operation
with an AI assistant in front (the five raw tables of docs/raw_contract.md)."""

from supportgen.config import ConfigError, GeneratorConfig, PlantedEffect
from supportgen.generate import generate

__all__ = ["ConfigError", "GeneratorConfig", "PlantedEffect", "generate"]
