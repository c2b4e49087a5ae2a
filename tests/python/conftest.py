"""pytest setup: the helper modules beside the tests import by name."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
