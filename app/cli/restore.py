"""`jdm-ctp restore --db PATH FILE [--passphrase-file F]` (shares its helpers with backup)."""

from app.cli.backup import add_restore_arguments as add_arguments
from app.cli.backup import run_restore as run

__all__ = ["add_arguments", "run"]
