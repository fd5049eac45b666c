"""Who may do what on the dashboard. A hook for the login of a later issue: today no login is
configured, so the single user may do everything, and the Settings page says so.

Actions: ``view`` (every page), ``import`` (Import page), ``settings`` (saving on the Settings page).
Roles (once a login exists): ``viewer`` → view; ``operator`` → view, import, settings.
"""

from __future__ import annotations

from typing import Literal

Action = Literal["view", "import", "settings"]
Role = Literal["viewer", "operator"]

ROLE_ACTIONS: dict[str, frozenset[str]] = {
    "viewer": frozenset({"view"}),
    "operator": frozenset({"view", "import", "settings"}),
}


def auth_configured() -> bool:
    """Whether a login is configured (none yet: single-user mode)."""
    return False


def current_role() -> Role:
    """The role of the person using this session; everyone is an operator without a login."""
    return "operator"


def can(action: Action) -> bool:
    """Whether the current session may perform ``action``."""
    return action in ROLE_ACTIONS[current_role()]
