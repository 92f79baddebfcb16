"""Settings and where data lives: flag, then environment, then default."""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DB_NAME = "factcheck.db"


def default_db_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("factcheck", appauthor=False)) / DEFAULT_DB_NAME


def database_url(db: str | None) -> str:
    """Turn the --db value into a SQLAlchemy URL.

    A value with "://" is a URL used as given; anything else is a SQLite file path.
    """
    if db is None or db == "":
        path = default_db_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    if "://" in db:
        return db
    return f"sqlite:///{Path(db).expanduser().resolve()}"


def default_reviewer() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return os.environ.get("USER", "editor")


@dataclass(frozen=True, slots=True)
class Settings:
    db_url: str

    @classmethod
    def from_cli(cls, db: str | None) -> Settings:
        return cls(db_url=database_url(db))
