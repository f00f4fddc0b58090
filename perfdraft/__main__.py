import sys

from perfdraft.cli import main

sys.exit(main())
