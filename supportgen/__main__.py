import sys

from supportgen.cli import main

sys.exit(main())
