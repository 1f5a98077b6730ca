import sys
from pathlib import Path

# The shared test helpers (harness.py) live beside the tests.
sys.path.insert(0, str(Path(__file__).parent))
