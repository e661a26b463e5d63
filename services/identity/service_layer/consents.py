"""The consent to the processing of personal data (152-FZ) at the first sign-in: the gateway asks GetConsent after a
sign-in and, while a school waits for the caller's decision on the current text, shows the text before anything
else; RecordConsent keeps the decision (append-only, with the version and the SHA-256 of the text shown) in every
school that waits, with ConsentRecorded and an audit row. Who is asked: domain/consent.py. Like RecordSignIn these
calls are about the caller, not one school: the caller's schools come from the directory."""
import datetime as dt

from proto.identity.v1 import identity_pb2 as pb
from services.common import context
from services.common.context import Caller
from services.common.errors import FailedPrecondition
from services.identity.domain import consent
from services.identity.domain.school_card import SUSPENDED
from services.identity.service_layer.ports import Directory, UnitsOfWork
from services.identity.service_layer.unit_of_work import IdentityUnitOfWork

CHANGED = "Текст согласия изменился: прочитайте новую редакцию и примите решение снова"


def _waiting(uow: IdentityUnitOfWork, subject: str) -> tuple[list, str]:
    """The caller's records in the school (its unit of work open) that are asked and have not accepted the current
    text, and the text as shown for the school ("" when nothing waits)."""
    school = uow.schools.row()
    if school.status == SUSPENDED:  # its people are refused everywhere: nothing to ask
        return [], ""
    today = uow.today()
    asked = [p for p in uow.people.of_login(subject) if consent.asked(consent.Consenter(p.kind, p.birth_date), today)]
    latest = uow.consents.latest([p.id for p in asked]) if asked else {}
    waiting = [p for p in asked if not consent.current(*latest.get(p.id, ("", "")))]
    shown = consent.text(consent.CURRENT_VERSION, school.name, school.address, school.inn) if waiting else ""
    return waiting, shown


def _schools(directory: Directory, caller: Caller) -> list[str]:
    """The schools of the caller's login (a service account has none)."""
    return [] if caller.is_service else directory.schools_of(caller.subject)


def get_consent(uows: UnitsOfWork, directory: Directory, caller: Caller) -> pb.ConsentStatus:
    """The current version and the caller's schools that wait for a decision on it, each with its text."""
    status = pb.ConsentStatus(version=consent.CURRENT_VERSION)
    for school_id in _schools(directory, caller):
        with uows(school_id) as uow:
            waiting, shown = _waiting(uow, caller.subject)
            if waiting:
                status.pending.append(pb.ConsentRequest(school_id=school_id, school_name=uow.schools.row().name,
                                                        person_ids=[p.id for p in waiting], text=shown))
    return status


def record_consent(uows: UnitsOfWork, directory: Directory, caller: Caller, version: str, accept: bool,
                   now: dt.datetime) -> pb.RecordConsentResponse:
    """The caller's decision on `version` (the one they read), in every school that waits for it; nothing waiting:
    nothing recorded."""
    if version != consent.CURRENT_VERSION:
        raise FailedPrecondition(CHANGED, {"version": "не текущая редакция"})
    decision = consent.ACCEPTED if accept else consent.DECLINED
    recorded = []
    for school_id in _schools(directory, caller):
        with uows(school_id) as uow:
            waiting, shown = _waiting(uow, caller.subject)
            for person in waiting:
                uow.consents.add(person.id, caller.subject, version, consent.fingerprint(shown), decision, now,
                                 context.client_address())
                uow.publish(pb.ConsentRecorded(person_id=person.id, version=version, decision=decision,
                                               decided_at=now.isoformat()))
                uow.audit.record(f"consent.{'accept' if accept else 'decline'}", person.id, version=version)
        if waiting:
            recorded.append(school_id)
    return pb.RecordConsentResponse(school_ids=sorted(recorded), decision=decision)
