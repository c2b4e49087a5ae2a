"""supportgen: a deterministic generator of raw helpdesk data for a B2B SaaS support operation
with an AI assistant in front (the five raw tables of docs/raw_contract.md)."""

from supportgen.config import MESSY_KINDS, ConfigError, GeneratorConfig, PlantedEffect, messy_profile
from supportgen.generate import generate

__all__ = ["MESSY_KINDS", "ConfigError", "GeneratorConfig", "PlantedEffect", "generate", "messy_profile"]
