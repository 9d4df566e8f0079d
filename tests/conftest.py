import sys
from pathlib import Path

# tests/ holds helpers (render_compare.py) imported by the tests.
sys.path.insert(0, str(Path(__file__).parent))

import matplotlib

matplotlib.use("Agg")
