"""One adapter per dependency, behind the small interfaces in ``base``; routes never see a driver."""
