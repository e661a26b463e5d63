from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ArchivePackage(_message.Message):
    __slots__ = ("id", "school_id", "academic_year_id", "academic_year_name", "status", "bucket", "object_key", "version_id", "sha256", "retain_until", "created_at", "error", "record_class", "signed_by", "signed_at", "software_version", "copies", "checks", "status_name", "record_class_name", "period_id", "period_name", "date_from", "date_to")
    ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    ACADEMIC_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    ACADEMIC_YEAR_NAME_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    BUCKET_FIELD_NUMBER: _ClassVar[int]
    OBJECT_KEY_FIELD_NUMBER: _ClassVar[int]
    VERSION_ID_FIELD_NUMBER: _ClassVar[int]
    SHA256_FIELD_NUMBER: _ClassVar[int]
    RETAIN_UNTIL_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    RECORD_CLASS_FIELD_NUMBER: _ClassVar[int]
    SIGNED_BY_FIELD_NUMBER: _ClassVar[int]
    SIGNED_AT_FIELD_NUMBER: _ClassVar[int]
    SOFTWARE_VERSION_FIELD_NUMBER: _ClassVar[int]
    COPIES_FIELD_NUMBER: _ClassVar[int]
    CHECKS_FIELD_NUMBER: _ClassVar[int]
    STATUS_NAME_FIELD_NUMBER: _ClassVar[int]
    RECORD_CLASS_NAME_FIELD_NUMBER: _ClassVar[int]
    PERIOD_ID_FIELD_NUMBER: _ClassVar[int]
    PERIOD_NAME_FIELD_NUMBER: _ClassVar[int]
    DATE_FROM_FIELD_NUMBER: _ClassVar[int]
    DATE_TO_FIELD_NUMBER: _ClassVar[int]
    id: str
    school_id: str
    academic_year_id: str
    academic_year_name: str
    status: str
    bucket: str
    object_key: str
    version_id: str
    sha256: str
    retain_until: str
    created_at: str
    error: str
    record_class: str
    signed_by: str
    signed_at: str
    software_version: str
    copies: _containers.RepeatedCompositeFieldContainer[ArchiveCopy]
    checks: _containers.RepeatedCompositeFieldContainer[FixityCheck]
    status_name: str
    record_class_name: str
    period_id: str
    period_name: str
    date_from: str
    date_to: str
    def __init__(self, id: _Optional[str] = ..., school_id: _Optional[str] = ..., academic_year_id: _Optional[str] = ..., academic_year_name: _Optional[str] = ..., status: _Optional[str] = ..., bucket: _Optional[str] = ..., object_key: _Optional[str] = ..., version_id: _Optional[str] = ..., sha256: _Optional[str] = ..., retain_until: _Optional[str] = ..., created_at: _Optional[str] = ..., error: _Optional[str] = ..., record_class: _Optional[str] = ..., signed_by: _Optional[str] = ..., signed_at: _Optional[str] = ..., software_version: _Optional[str] = ..., copies: _Optional[_Iterable[_Union[ArchiveCopy, _Mapping]]] = ..., checks: _Optional[_Iterable[_Union[FixityCheck, _Mapping]]] = ..., status_name: _Optional[str] = ..., record_class_name: _Optional[str] = ..., period_id: _Optional[str] = ..., period_name: _Optional[str] = ..., date_from: _Optional[str] = ..., date_to: _Optional[str] = ...) -> None: ...

class ArchivePolicy(_message.Message):
    __slots__ = ("school_id", "semester_packages")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    SEMESTER_PACKAGES_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    semester_packages: bool
    def __init__(self, school_id: _Optional[str] = ..., semester_packages: _Optional[bool] = ...) -> None: ...

class ArchiveCopy(_message.Message):
    __slots__ = ("store", "status", "bucket", "version_id", "sealed_at", "attempts", "next_attempt_at", "last_error", "checked_at", "check_outcome", "store_name", "check_outcome_name")
    STORE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    BUCKET_FIELD_NUMBER: _ClassVar[int]
    VERSION_ID_FIELD_NUMBER: _ClassVar[int]
    SEALED_AT_FIELD_NUMBER: _ClassVar[int]
    ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    NEXT_ATTEMPT_AT_FIELD_NUMBER: _ClassVar[int]
    LAST_ERROR_FIELD_NUMBER: _ClassVar[int]
    CHECKED_AT_FIELD_NUMBER: _ClassVar[int]
    CHECK_OUTCOME_FIELD_NUMBER: _ClassVar[int]
    STORE_NAME_FIELD_NUMBER: _ClassVar[int]
    CHECK_OUTCOME_NAME_FIELD_NUMBER: _ClassVar[int]
    store: str
    status: str
    bucket: str
    version_id: str
    sealed_at: str
    attempts: int
    next_attempt_at: str
    last_error: str
    checked_at: str
    check_outcome: str
    store_name: str
    check_outcome_name: str
    def __init__(self, store: _Optional[str] = ..., status: _Optional[str] = ..., bucket: _Optional[str] = ..., version_id: _Optional[str] = ..., sealed_at: _Optional[str] = ..., attempts: _Optional[int] = ..., next_attempt_at: _Optional[str] = ..., last_error: _Optional[str] = ..., checked_at: _Optional[str] = ..., check_outcome: _Optional[str] = ..., store_name: _Optional[str] = ..., check_outcome_name: _Optional[str] = ...) -> None: ...

class FixityCheck(_message.Message):
    __slots__ = ("store", "checked_at", "outcome", "detail", "repaired_version_id", "store_name", "outcome_name")
    STORE_FIELD_NUMBER: _ClassVar[int]
    CHECKED_AT_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    DETAIL_FIELD_NUMBER: _ClassVar[int]
    REPAIRED_VERSION_ID_FIELD_NUMBER: _ClassVar[int]
    STORE_NAME_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_NAME_FIELD_NUMBER: _ClassVar[int]
    store: str
    checked_at: str
    outcome: str
    detail: str
    repaired_version_id: str
    store_name: str
    outcome_name: str
    def __init__(self, store: _Optional[str] = ..., checked_at: _Optional[str] = ..., outcome: _Optional[str] = ..., detail: _Optional[str] = ..., repaired_version_id: _Optional[str] = ..., store_name: _Optional[str] = ..., outcome_name: _Optional[str] = ...) -> None: ...

class ArchiveAlert(_message.Message):
    __slots__ = ("school_id", "archive_id", "academic_year_name", "record_class", "copy", "record_class_name")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    ARCHIVE_ID_FIELD_NUMBER: _ClassVar[int]
    ACADEMIC_YEAR_NAME_FIELD_NUMBER: _ClassVar[int]
    RECORD_CLASS_FIELD_NUMBER: _ClassVar[int]
    COPY_FIELD_NUMBER: _ClassVar[int]
    RECORD_CLASS_NAME_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    archive_id: str
    academic_year_name: str
    record_class: str
    copy: ArchiveCopy
    record_class_name: str
    def __init__(self, school_id: _Optional[str] = ..., archive_id: _Optional[str] = ..., academic_year_name: _Optional[str] = ..., record_class: _Optional[str] = ..., copy: _Optional[_Union[ArchiveCopy, _Mapping]] = ..., record_class_name: _Optional[str] = ...) -> None: ...

class ListArchivesRequest(_message.Message):
    __slots__ = ("school_id",)
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    def __init__(self, school_id: _Optional[str] = ...) -> None: ...

class ListArchivesResponse(_message.Message):
    __slots__ = ("packages", "may_sign", "may_dispose", "may_set_policy")
    PACKAGES_FIELD_NUMBER: _ClassVar[int]
    MAY_SIGN_FIELD_NUMBER: _ClassVar[int]
    MAY_DISPOSE_FIELD_NUMBER: _ClassVar[int]
    MAY_SET_POLICY_FIELD_NUMBER: _ClassVar[int]
    packages: _containers.RepeatedCompositeFieldContainer[ArchivePackage]
    may_sign: bool
    may_dispose: bool
    may_set_policy: bool
    def __init__(self, packages: _Optional[_Iterable[_Union[ArchivePackage, _Mapping]]] = ..., may_sign: _Optional[bool] = ..., may_dispose: _Optional[bool] = ..., may_set_policy: _Optional[bool] = ...) -> None: ...

class GetArchiveRequest(_message.Message):
    __slots__ = ("school_id", "archive_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    ARCHIVE_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    archive_id: str
    def __init__(self, school_id: _Optional[str] = ..., archive_id: _Optional[str] = ...) -> None: ...

class ArchiveContent(_message.Message):
    __slots__ = ("filename", "media_type", "content")
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    MEDIA_TYPE_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    filename: str
    media_type: str
    content: bytes
    def __init__(self, filename: _Optional[str] = ..., media_type: _Optional[str] = ..., content: _Optional[bytes] = ...) -> None: ...

class ListArchiveAlertsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListArchiveAlertsResponse(_message.Message):
    __slots__ = ("alerts",)
    ALERTS_FIELD_NUMBER: _ClassVar[int]
    alerts: _containers.RepeatedCompositeFieldContainer[ArchiveAlert]
    def __init__(self, alerts: _Optional[_Iterable[_Union[ArchiveAlert, _Mapping]]] = ...) -> None: ...

class DisposalAct(_message.Message):
    __slots__ = ("id", "school_id", "number", "status", "status_name", "items", "proposed_at", "approved_by", "approved_at", "executed_at", "error", "school_name")
    ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    STATUS_NAME_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    PROPOSED_AT_FIELD_NUMBER: _ClassVar[int]
    APPROVED_BY_FIELD_NUMBER: _ClassVar[int]
    APPROVED_AT_FIELD_NUMBER: _ClassVar[int]
    EXECUTED_AT_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_NAME_FIELD_NUMBER: _ClassVar[int]
    id: str
    school_id: str
    number: int
    status: str
    status_name: str
    items: _containers.RepeatedCompositeFieldContainer[DisposalItem]
    proposed_at: str
    approved_by: str
    approved_at: str
    executed_at: str
    error: str
    school_name: str
    def __init__(self, id: _Optional[str] = ..., school_id: _Optional[str] = ..., number: _Optional[int] = ..., status: _Optional[str] = ..., status_name: _Optional[str] = ..., items: _Optional[_Iterable[_Union[DisposalItem, _Mapping]]] = ..., proposed_at: _Optional[str] = ..., approved_by: _Optional[str] = ..., approved_at: _Optional[str] = ..., executed_at: _Optional[str] = ..., error: _Optional[str] = ..., school_name: _Optional[str] = ...) -> None: ...

class DisposalItem(_message.Message):
    __slots__ = ("archive_id", "academic_year_name", "record_class", "record_class_name", "retain_until", "sha256")
    ARCHIVE_ID_FIELD_NUMBER: _ClassVar[int]
    ACADEMIC_YEAR_NAME_FIELD_NUMBER: _ClassVar[int]
    RECORD_CLASS_FIELD_NUMBER: _ClassVar[int]
    RECORD_CLASS_NAME_FIELD_NUMBER: _ClassVar[int]
    RETAIN_UNTIL_FIELD_NUMBER: _ClassVar[int]
    SHA256_FIELD_NUMBER: _ClassVar[int]
    archive_id: str
    academic_year_name: str
    record_class: str
    record_class_name: str
    retain_until: str
    sha256: str
    def __init__(self, archive_id: _Optional[str] = ..., academic_year_name: _Optional[str] = ..., record_class: _Optional[str] = ..., record_class_name: _Optional[str] = ..., retain_until: _Optional[str] = ..., sha256: _Optional[str] = ...) -> None: ...

class ListDisposalActsResponse(_message.Message):
    __slots__ = ("acts",)
    ACTS_FIELD_NUMBER: _ClassVar[int]
    acts: _containers.RepeatedCompositeFieldContainer[DisposalAct]
    def __init__(self, acts: _Optional[_Iterable[_Union[DisposalAct, _Mapping]]] = ...) -> None: ...

class ApproveDisposalRequest(_message.Message):
    __slots__ = ("school_id", "act_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    ACT_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    act_id: str
    def __init__(self, school_id: _Optional[str] = ..., act_id: _Optional[str] = ...) -> None: ...

class SetArchivePolicyRequest(_message.Message):
    __slots__ = ("school_id", "semester_packages")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    SEMESTER_PACKAGES_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    semester_packages: bool
    def __init__(self, school_id: _Optional[str] = ..., semester_packages: _Optional[bool] = ...) -> None: ...

class ArchiveSealed(_message.Message):
    __slots__ = ("package",)
    PACKAGE_FIELD_NUMBER: _ClassVar[int]
    package: ArchivePackage
    def __init__(self, package: _Optional[_Union[ArchivePackage, _Mapping]] = ...) -> None: ...
