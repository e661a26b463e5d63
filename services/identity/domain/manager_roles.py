"""Who hands out the roles of the school's administrators and heads: its administrator only."""
from services.common.errors import Forbidden
from services.common.policy import MANAGERS, Principal


def require_admin_for_managers(principal: Principal, roles) -> None:
    """Refuses a change to (or a code for a login holding) a manager role by anyone but a school administrator."""
    if set(roles) & MANAGERS and "school_admin" not in principal.roles:
        raise Forbidden("Назначить руководителя или администратора может только администратор школы",
                        {"roles": "только администратор школы"})
