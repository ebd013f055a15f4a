"""The upgrade test: the new code on a world made by the old one."""
