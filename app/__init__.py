"""jdm-ctp: CARRA consensus treatment plans for juvenile dermatomyositis."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("jdm-ctp")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
