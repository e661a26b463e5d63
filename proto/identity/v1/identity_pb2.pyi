from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class PersonKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    PERSON_KIND_UNSPECIFIED: _ClassVar[PersonKind]
    STAFF: _ClassVar[PersonKind]
    STUDENT: _ClassVar[PersonKind]
    GUARDIAN: _ClassVar[PersonKind]

class OrderKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    ORDER_KIND_UNSPECIFIED: _ClassVar[OrderKind]
    ENROLMENT: _ClassVar[OrderKind]
    TRANSFER: _ClassVar[OrderKind]
    PROMOTION: _ClassVar[OrderKind]
    CONDITIONAL_PROMOTION: _ClassVar[OrderKind]
    REPETITION: _ClassVar[OrderKind]
    GRADUATION: _ClassVar[OrderKind]
    LEAVING: _ClassVar[OrderKind]
    CANCELLATION: _ClassVar[OrderKind]
PERSON_KIND_UNSPECIFIED: PersonKind
STAFF: PersonKind
STUDENT: PersonKind
GUARDIAN: PersonKind
ORDER_KIND_UNSPECIFIED: OrderKind
ENROLMENT: OrderKind
TRANSFER: OrderKind
PROMOTION: OrderKind
CONDITIONAL_PROMOTION: OrderKind
REPETITION: OrderKind
GRADUATION: OrderKind
LEAVING: OrderKind
CANCELLATION: OrderKind

class School(_message.Message):
    __slots__ = ("id", "name", "short_name", "organization_id", "status", "details", "contact_fields", "guardians_gosuslugi_only")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SHORT_NAME_FIELD_NUMBER: _ClassVar[int]
    ORGANIZATION_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    CONTACT_FIELDS_FIELD_NUMBER: _ClassVar[int]
    GUARDIANS_GOSUSLUGI_ONLY_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    short_name: str
    organization_id: str
    status: str
    details: SchoolDetails
    contact_fields: _containers.RepeatedScalarFieldContainer[str]
    guardians_gosuslugi_only: bool
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., short_name: _Optional[str] = ..., organization_id: _Optional[str] = ..., status: _Optional[str] = ..., details: _Optional[_Union[SchoolDetails, _Mapping]] = ..., contact_fields: _Optional[_Iterable[str]] = ..., guardians_gosuslugi_only: _Optional[bool] = ...) -> None: ...

class SchoolDetails(_message.Message):
    __slots__ = ("inn", "ogrn", "address", "licence_number", "licence_date", "accreditation_number", "accreditation_date")
    INN_FIELD_NUMBER: _ClassVar[int]
    OGRN_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    LICENCE_NUMBER_FIELD_NUMBER: _ClassVar[int]
    LICENCE_DATE_FIELD_NUMBER: _ClassVar[int]
    ACCREDITATION_NUMBER_FIELD_NUMBER: _ClassVar[int]
    ACCREDITATION_DATE_FIELD_NUMBER: _ClassVar[int]
    inn: str
    ogrn: str
    address: str
    licence_number: str
    licence_date: str
    accreditation_number: str
    accreditation_date: str
    def __init__(self, inn: _Optional[str] = ..., ogrn: _Optional[str] = ..., address: _Optional[str] = ..., licence_number: _Optional[str] = ..., licence_date: _Optional[str] = ..., accreditation_number: _Optional[str] = ..., accreditation_date: _Optional[str] = ...) -> None: ...

class PersonName(_message.Message):
    __slots__ = ("last_name", "first_name", "middle_name")
    LAST_NAME_FIELD_NUMBER: _ClassVar[int]
    FIRST_NAME_FIELD_NUMBER: _ClassVar[int]
    MIDDLE_NAME_FIELD_NUMBER: _ClassVar[int]
    last_name: str
    first_name: str
    middle_name: str
    def __init__(self, last_name: _Optional[str] = ..., first_name: _Optional[str] = ..., middle_name: _Optional[str] = ...) -> None: ...

class Person(_message.Message):
    __slots__ = ("id", "school_id", "kind", "name", "gender", "birth_date", "snils", "roles", "class_group_id", "username", "form_class_group_ids", "staff", "access", "contacts", "memberships", "paper_diary", "consent")
    ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    GENDER_FIELD_NUMBER: _ClassVar[int]
    BIRTH_DATE_FIELD_NUMBER: _ClassVar[int]
    SNILS_FIELD_NUMBER: _ClassVar[int]
    ROLES_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    FORM_CLASS_GROUP_IDS_FIELD_NUMBER: _ClassVar[int]
    STAFF_FIELD_NUMBER: _ClassVar[int]
    ACCESS_FIELD_NUMBER: _ClassVar[int]
    CONTACTS_FIELD_NUMBER: _ClassVar[int]
    MEMBERSHIPS_FIELD_NUMBER: _ClassVar[int]
    PAPER_DIARY_FIELD_NUMBER: _ClassVar[int]
    CONSENT_FIELD_NUMBER: _ClassVar[int]
    id: str
    school_id: str
    kind: PersonKind
    name: PersonName
    gender: str
    birth_date: str
    snils: str
    roles: _containers.RepeatedScalarFieldContainer[str]
    class_group_id: str
    username: str
    form_class_group_ids: _containers.RepeatedScalarFieldContainer[str]
    staff: StaffCard
    access: str
    contacts: Contacts
    memberships: _containers.RepeatedCompositeFieldContainer[ClassMembership]
    paper_diary: bool
    consent: ConsentState
    def __init__(self, id: _Optional[str] = ..., school_id: _Optional[str] = ..., kind: _Optional[_Union[PersonKind, str]] = ..., name: _Optional[_Union[PersonName, _Mapping]] = ..., gender: _Optional[str] = ..., birth_date: _Optional[str] = ..., snils: _Optional[str] = ..., roles: _Optional[_Iterable[str]] = ..., class_group_id: _Optional[str] = ..., username: _Optional[str] = ..., form_class_group_ids: _Optional[_Iterable[str]] = ..., staff: _Optional[_Union[StaffCard, _Mapping]] = ..., access: _Optional[str] = ..., contacts: _Optional[_Union[Contacts, _Mapping]] = ..., memberships: _Optional[_Iterable[_Union[ClassMembership, _Mapping]]] = ..., paper_diary: _Optional[bool] = ..., consent: _Optional[_Union[ConsentState, _Mapping]] = ...) -> None: ...

class ConsentState(_message.Message):
    __slots__ = ("version", "decision", "decided_at", "current")
    VERSION_FIELD_NUMBER: _ClassVar[int]
    DECISION_FIELD_NUMBER: _ClassVar[int]
    DECIDED_AT_FIELD_NUMBER: _ClassVar[int]
    CURRENT_FIELD_NUMBER: _ClassVar[int]
    version: str
    decision: str
    decided_at: str
    current: bool
    def __init__(self, version: _Optional[str] = ..., decision: _Optional[str] = ..., decided_at: _Optional[str] = ..., current: _Optional[bool] = ...) -> None: ...

class ClassMembership(_message.Message):
    __slots__ = ("class_group_id", "date_from", "date_to", "order_id")
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    DATE_FROM_FIELD_NUMBER: _ClassVar[int]
    DATE_TO_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    class_group_id: str
    date_from: str
    date_to: str
    order_id: str
    def __init__(self, class_group_id: _Optional[str] = ..., date_from: _Optional[str] = ..., date_to: _Optional[str] = ..., order_id: _Optional[str] = ...) -> None: ...

class Contacts(_message.Message):
    __slots__ = ("phone", "email", "address")
    PHONE_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    phone: str
    email: str
    address: str
    def __init__(self, phone: _Optional[str] = ..., email: _Optional[str] = ..., address: _Optional[str] = ...) -> None: ...

class StaffCard(_message.Message):
    __slots__ = ("position", "qualification_category", "functions", "diploma_specialty")
    POSITION_FIELD_NUMBER: _ClassVar[int]
    QUALIFICATION_CATEGORY_FIELD_NUMBER: _ClassVar[int]
    FUNCTIONS_FIELD_NUMBER: _ClassVar[int]
    DIPLOMA_SPECIALTY_FIELD_NUMBER: _ClassVar[int]
    position: str
    qualification_category: str
    functions: str
    diploma_specialty: str
    def __init__(self, position: _Optional[str] = ..., qualification_category: _Optional[str] = ..., functions: _Optional[str] = ..., diploma_specialty: _Optional[str] = ...) -> None: ...

class OnboardSchoolRequest(_message.Message):
    __slots__ = ("name", "short_name", "admin_name", "admin_email", "details")
    NAME_FIELD_NUMBER: _ClassVar[int]
    SHORT_NAME_FIELD_NUMBER: _ClassVar[int]
    ADMIN_NAME_FIELD_NUMBER: _ClassVar[int]
    ADMIN_EMAIL_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    name: str
    short_name: str
    admin_name: PersonName
    admin_email: str
    details: SchoolDetails
    def __init__(self, name: _Optional[str] = ..., short_name: _Optional[str] = ..., admin_name: _Optional[_Union[PersonName, _Mapping]] = ..., admin_email: _Optional[str] = ..., details: _Optional[_Union[SchoolDetails, _Mapping]] = ...) -> None: ...

class OnboardSchoolResponse(_message.Message):
    __slots__ = ("school", "admin", "admin_username", "admin_initial_password", "admin_activation_code", "admin_activation_expires_at")
    SCHOOL_FIELD_NUMBER: _ClassVar[int]
    ADMIN_FIELD_NUMBER: _ClassVar[int]
    ADMIN_USERNAME_FIELD_NUMBER: _ClassVar[int]
    ADMIN_INITIAL_PASSWORD_FIELD_NUMBER: _ClassVar[int]
    ADMIN_ACTIVATION_CODE_FIELD_NUMBER: _ClassVar[int]
    ADMIN_ACTIVATION_EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    school: School
    admin: Person
    admin_username: str
    admin_initial_password: str
    admin_activation_code: str
    admin_activation_expires_at: str
    def __init__(self, school: _Optional[_Union[School, _Mapping]] = ..., admin: _Optional[_Union[Person, _Mapping]] = ..., admin_username: _Optional[str] = ..., admin_initial_password: _Optional[str] = ..., admin_activation_code: _Optional[str] = ..., admin_activation_expires_at: _Optional[str] = ...) -> None: ...

class ListSchoolsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListSchoolsResponse(_message.Message):
    __slots__ = ("schools",)
    SCHOOLS_FIELD_NUMBER: _ClassVar[int]
    schools: _containers.RepeatedCompositeFieldContainer[School]
    def __init__(self, schools: _Optional[_Iterable[_Union[School, _Mapping]]] = ...) -> None: ...

class GetSchoolRequest(_message.Message):
    __slots__ = ("school_id",)
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    def __init__(self, school_id: _Optional[str] = ...) -> None: ...

class UpdateSchoolRequest(_message.Message):
    __slots__ = ("school_id", "name", "short_name", "details")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SHORT_NAME_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    name: str
    short_name: str
    details: SchoolDetails
    def __init__(self, school_id: _Optional[str] = ..., name: _Optional[str] = ..., short_name: _Optional[str] = ..., details: _Optional[_Union[SchoolDetails, _Mapping]] = ...) -> None: ...

class SetSchoolStatusRequest(_message.Message):
    __slots__ = ("school_id", "status")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    status: str
    def __init__(self, school_id: _Optional[str] = ..., status: _Optional[str] = ...) -> None: ...

class AssignFormTeacherRequest(_message.Message):
    __slots__ = ("school_id", "class_group_id", "person_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    class_group_id: str
    person_id: str
    def __init__(self, school_id: _Optional[str] = ..., class_group_id: _Optional[str] = ..., person_id: _Optional[str] = ...) -> None: ...

class AssignFormTeacherResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class CreatePersonRequest(_message.Message):
    __slots__ = ("school_id", "kind", "name", "gender", "birth_date", "snils", "roles", "class_group_id", "create_account", "staff", "contacts")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    GENDER_FIELD_NUMBER: _ClassVar[int]
    BIRTH_DATE_FIELD_NUMBER: _ClassVar[int]
    SNILS_FIELD_NUMBER: _ClassVar[int]
    ROLES_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    CREATE_ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    STAFF_FIELD_NUMBER: _ClassVar[int]
    CONTACTS_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    kind: PersonKind
    name: PersonName
    gender: str
    birth_date: str
    snils: str
    roles: _containers.RepeatedScalarFieldContainer[str]
    class_group_id: str
    create_account: bool
    staff: StaffCard
    contacts: Contacts
    def __init__(self, school_id: _Optional[str] = ..., kind: _Optional[_Union[PersonKind, str]] = ..., name: _Optional[_Union[PersonName, _Mapping]] = ..., gender: _Optional[str] = ..., birth_date: _Optional[str] = ..., snils: _Optional[str] = ..., roles: _Optional[_Iterable[str]] = ..., class_group_id: _Optional[str] = ..., create_account: _Optional[bool] = ..., staff: _Optional[_Union[StaffCard, _Mapping]] = ..., contacts: _Optional[_Union[Contacts, _Mapping]] = ...) -> None: ...

class CreatePersonResponse(_message.Message):
    __slots__ = ("person", "initial_password", "activation")
    PERSON_FIELD_NUMBER: _ClassVar[int]
    INITIAL_PASSWORD_FIELD_NUMBER: _ClassVar[int]
    ACTIVATION_FIELD_NUMBER: _ClassVar[int]
    person: Person
    initial_password: str
    activation: ActivationSlip
    def __init__(self, person: _Optional[_Union[Person, _Mapping]] = ..., initial_password: _Optional[str] = ..., activation: _Optional[_Union[ActivationSlip, _Mapping]] = ...) -> None: ...

class SetContactFieldsRequest(_message.Message):
    __slots__ = ("school_id", "fields")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    FIELDS_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    fields: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, school_id: _Optional[str] = ..., fields: _Optional[_Iterable[str]] = ...) -> None: ...

class UpdateContactsRequest(_message.Message):
    __slots__ = ("school_id", "person_id", "contacts")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    CONTACTS_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    person_id: str
    contacts: Contacts
    def __init__(self, school_id: _Optional[str] = ..., person_id: _Optional[str] = ..., contacts: _Optional[_Union[Contacts, _Mapping]] = ...) -> None: ...

class GetPersonRequest(_message.Message):
    __slots__ = ("school_id", "person_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    person_id: str
    def __init__(self, school_id: _Optional[str] = ..., person_id: _Optional[str] = ...) -> None: ...

class ListPeopleRequest(_message.Message):
    __slots__ = ("school_id", "kind", "class_group_id", "on_date")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    ON_DATE_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    kind: PersonKind
    class_group_id: str
    on_date: str
    def __init__(self, school_id: _Optional[str] = ..., kind: _Optional[_Union[PersonKind, str]] = ..., class_group_id: _Optional[str] = ..., on_date: _Optional[str] = ...) -> None: ...

class ListPeopleResponse(_message.Message):
    __slots__ = ("people",)
    PEOPLE_FIELD_NUMBER: _ClassVar[int]
    people: _containers.RepeatedCompositeFieldContainer[Person]
    def __init__(self, people: _Optional[_Iterable[_Union[Person, _Mapping]]] = ...) -> None: ...

class LinkGuardianRequest(_message.Message):
    __slots__ = ("school_id", "guardian_id", "student_id", "relation")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    GUARDIAN_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    RELATION_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    guardian_id: str
    student_id: str
    relation: str
    def __init__(self, school_id: _Optional[str] = ..., guardian_id: _Optional[str] = ..., student_id: _Optional[str] = ..., relation: _Optional[str] = ...) -> None: ...

class LinkGuardianResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class LinkFederatedAccountRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class LinkFederatedAccountResponse(_message.Message):
    __slots__ = ("guardians",)
    GUARDIANS_FIELD_NUMBER: _ClassVar[int]
    guardians: _containers.RepeatedCompositeFieldContainer[Person]
    def __init__(self, guardians: _Optional[_Iterable[_Union[Person, _Mapping]]] = ...) -> None: ...

class GetPrincipalRequest(_message.Message):
    __slots__ = ("school_id",)
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    def __init__(self, school_id: _Optional[str] = ...) -> None: ...

class Principal(_message.Message):
    __slots__ = ("subject", "school_id", "person_id", "roles", "student_ids", "form_class_group_ids")
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    ROLES_FIELD_NUMBER: _ClassVar[int]
    STUDENT_IDS_FIELD_NUMBER: _ClassVar[int]
    FORM_CLASS_GROUP_IDS_FIELD_NUMBER: _ClassVar[int]
    subject: str
    school_id: str
    person_id: str
    roles: _containers.RepeatedScalarFieldContainer[str]
    student_ids: _containers.RepeatedScalarFieldContainer[str]
    form_class_group_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, subject: _Optional[str] = ..., school_id: _Optional[str] = ..., person_id: _Optional[str] = ..., roles: _Optional[_Iterable[str]] = ..., student_ids: _Optional[_Iterable[str]] = ..., form_class_group_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class GetMeRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class Membership(_message.Message):
    __slots__ = ("school", "principal", "full_name")
    SCHOOL_FIELD_NUMBER: _ClassVar[int]
    PRINCIPAL_FIELD_NUMBER: _ClassVar[int]
    FULL_NAME_FIELD_NUMBER: _ClassVar[int]
    school: School
    principal: Principal
    full_name: str
    def __init__(self, school: _Optional[_Union[School, _Mapping]] = ..., principal: _Optional[_Union[Principal, _Mapping]] = ..., full_name: _Optional[str] = ...) -> None: ...

class Me(_message.Message):
    __slots__ = ("subject", "username", "realm_roles", "memberships")
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    REALM_ROLES_FIELD_NUMBER: _ClassVar[int]
    MEMBERSHIPS_FIELD_NUMBER: _ClassVar[int]
    subject: str
    username: str
    realm_roles: _containers.RepeatedScalarFieldContainer[str]
    memberships: _containers.RepeatedCompositeFieldContainer[Membership]
    def __init__(self, subject: _Optional[str] = ..., username: _Optional[str] = ..., realm_roles: _Optional[_Iterable[str]] = ..., memberships: _Optional[_Iterable[_Union[Membership, _Mapping]]] = ...) -> None: ...

class RecordSignInRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class RecordSignInResponse(_message.Message):
    __slots__ = ("school_ids",)
    SCHOOL_IDS_FIELD_NUMBER: _ClassVar[int]
    school_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, school_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class ListAuditLogRequest(_message.Message):
    __slots__ = ("school_id", "limit", "before")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    BEFORE_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    limit: int
    before: str
    def __init__(self, school_id: _Optional[str] = ..., limit: _Optional[int] = ..., before: _Optional[str] = ...) -> None: ...

class AuditEntry(_message.Message):
    __slots__ = ("id", "occurred_at", "actor_subject", "actor_username", "client_address", "action", "object_id", "details_json")
    ID_FIELD_NUMBER: _ClassVar[int]
    OCCURRED_AT_FIELD_NUMBER: _ClassVar[int]
    ACTOR_SUBJECT_FIELD_NUMBER: _ClassVar[int]
    ACTOR_USERNAME_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    ACTION_FIELD_NUMBER: _ClassVar[int]
    OBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    DETAILS_JSON_FIELD_NUMBER: _ClassVar[int]
    id: str
    occurred_at: str
    actor_subject: str
    actor_username: str
    client_address: str
    action: str
    object_id: str
    details_json: str
    def __init__(self, id: _Optional[str] = ..., occurred_at: _Optional[str] = ..., actor_subject: _Optional[str] = ..., actor_username: _Optional[str] = ..., client_address: _Optional[str] = ..., action: _Optional[str] = ..., object_id: _Optional[str] = ..., details_json: _Optional[str] = ...) -> None: ...

class ListAuditLogResponse(_message.Message):
    __slots__ = ("entries", "next_before")
    ENTRIES_FIELD_NUMBER: _ClassVar[int]
    NEXT_BEFORE_FIELD_NUMBER: _ClassVar[int]
    entries: _containers.RepeatedCompositeFieldContainer[AuditEntry]
    next_before: str
    def __init__(self, entries: _Optional[_Iterable[_Union[AuditEntry, _Mapping]]] = ..., next_before: _Optional[str] = ...) -> None: ...

class ImportPeopleRequest(_message.Message):
    __slots__ = ("school_id", "filename", "content", "dry_run")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    DRY_RUN_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    filename: str
    content: bytes
    dry_run: bool
    def __init__(self, school_id: _Optional[str] = ..., filename: _Optional[str] = ..., content: _Optional[bytes] = ..., dry_run: _Optional[bool] = ...) -> None: ...

class ImportRow(_message.Message):
    __slots__ = ("line", "status", "field", "reason", "person_id")
    LINE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    FIELD_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    line: int
    status: str
    field: str
    reason: str
    person_id: str
    def __init__(self, line: _Optional[int] = ..., status: _Optional[str] = ..., field: _Optional[str] = ..., reason: _Optional[str] = ..., person_id: _Optional[str] = ...) -> None: ...

class ImportPeopleResponse(_message.Message):
    __slots__ = ("rows", "applied", "created", "duplicates", "errors", "links")
    ROWS_FIELD_NUMBER: _ClassVar[int]
    APPLIED_FIELD_NUMBER: _ClassVar[int]
    CREATED_FIELD_NUMBER: _ClassVar[int]
    DUPLICATES_FIELD_NUMBER: _ClassVar[int]
    ERRORS_FIELD_NUMBER: _ClassVar[int]
    LINKS_FIELD_NUMBER: _ClassVar[int]
    rows: _containers.RepeatedCompositeFieldContainer[ImportRow]
    applied: bool
    created: int
    duplicates: int
    errors: int
    links: int
    def __init__(self, rows: _Optional[_Iterable[_Union[ImportRow, _Mapping]]] = ..., applied: _Optional[bool] = ..., created: _Optional[int] = ..., duplicates: _Optional[int] = ..., errors: _Optional[int] = ..., links: _Optional[int] = ...) -> None: ...

class GetImportJobRequest(_message.Message):
    __slots__ = ("school_id", "job_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    job_id: str
    def __init__(self, school_id: _Optional[str] = ..., job_id: _Optional[str] = ...) -> None: ...

class ImportJob(_message.Message):
    __slots__ = ("id", "filename", "dry_run", "status", "phase", "total", "processed", "report", "error_message", "error_fields", "started_at", "finished_at")
    class ErrorFieldsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ID_FIELD_NUMBER: _ClassVar[int]
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    DRY_RUN_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    PHASE_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    PROCESSED_FIELD_NUMBER: _ClassVar[int]
    REPORT_FIELD_NUMBER: _ClassVar[int]
    ERROR_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELDS_FIELD_NUMBER: _ClassVar[int]
    STARTED_AT_FIELD_NUMBER: _ClassVar[int]
    FINISHED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    filename: str
    dry_run: bool
    status: str
    phase: str
    total: int
    processed: int
    report: ImportPeopleResponse
    error_message: str
    error_fields: _containers.ScalarMap[str, str]
    started_at: str
    finished_at: str
    def __init__(self, id: _Optional[str] = ..., filename: _Optional[str] = ..., dry_run: _Optional[bool] = ..., status: _Optional[str] = ..., phase: _Optional[str] = ..., total: _Optional[int] = ..., processed: _Optional[int] = ..., report: _Optional[_Union[ImportPeopleResponse, _Mapping]] = ..., error_message: _Optional[str] = ..., error_fields: _Optional[_Mapping[str, str]] = ..., started_at: _Optional[str] = ..., finished_at: _Optional[str] = ...) -> None: ...

class ReportCompromisedRequest(_message.Message):
    __slots__ = ("school_id", "person_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    person_id: str
    def __init__(self, school_id: _Optional[str] = ..., person_id: _Optional[str] = ...) -> None: ...

class ReportCompromisedResponse(_message.Message):
    __slots__ = ("reported_at",)
    REPORTED_AT_FIELD_NUMBER: _ClassVar[int]
    reported_at: str
    def __init__(self, reported_at: _Optional[str] = ...) -> None: ...

class IssueActivationRequest(_message.Message):
    __slots__ = ("school_id", "person_ids", "class_group_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    PERSON_IDS_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    person_ids: _containers.RepeatedScalarFieldContainer[str]
    class_group_id: str
    def __init__(self, school_id: _Optional[str] = ..., person_ids: _Optional[_Iterable[str]] = ..., class_group_id: _Optional[str] = ...) -> None: ...

class ActivationSlip(_message.Message):
    __slots__ = ("person_id", "full_name", "kind", "username", "code", "expires_at")
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    FULL_NAME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    person_id: str
    full_name: str
    kind: PersonKind
    username: str
    code: str
    expires_at: str
    def __init__(self, person_id: _Optional[str] = ..., full_name: _Optional[str] = ..., kind: _Optional[_Union[PersonKind, str]] = ..., username: _Optional[str] = ..., code: _Optional[str] = ..., expires_at: _Optional[str] = ...) -> None: ...

class IssueActivationResponse(_message.Message):
    __slots__ = ("slips", "gosuslugi_slips", "gosuslugi_only")
    SLIPS_FIELD_NUMBER: _ClassVar[int]
    GOSUSLUGI_SLIPS_FIELD_NUMBER: _ClassVar[int]
    GOSUSLUGI_ONLY_FIELD_NUMBER: _ClassVar[int]
    slips: _containers.RepeatedCompositeFieldContainer[ActivationSlip]
    gosuslugi_slips: _containers.RepeatedCompositeFieldContainer[GosuslugiSlip]
    gosuslugi_only: bool
    def __init__(self, slips: _Optional[_Iterable[_Union[ActivationSlip, _Mapping]]] = ..., gosuslugi_slips: _Optional[_Iterable[_Union[GosuslugiSlip, _Mapping]]] = ..., gosuslugi_only: _Optional[bool] = ...) -> None: ...

class GosuslugiSlip(_message.Message):
    __slots__ = ("person_id", "full_name")
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    FULL_NAME_FIELD_NUMBER: _ClassVar[int]
    person_id: str
    full_name: str
    def __init__(self, person_id: _Optional[str] = ..., full_name: _Optional[str] = ...) -> None: ...

class SetGuardianAccessRequest(_message.Message):
    __slots__ = ("school_id", "gosuslugi_only")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    GOSUSLUGI_ONLY_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    gosuslugi_only: bool
    def __init__(self, school_id: _Optional[str] = ..., gosuslugi_only: _Optional[bool] = ...) -> None: ...

class GetConsentRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ConsentRequest(_message.Message):
    __slots__ = ("school_id", "school_name", "person_ids", "text")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_NAME_FIELD_NUMBER: _ClassVar[int]
    PERSON_IDS_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    school_name: str
    person_ids: _containers.RepeatedScalarFieldContainer[str]
    text: str
    def __init__(self, school_id: _Optional[str] = ..., school_name: _Optional[str] = ..., person_ids: _Optional[_Iterable[str]] = ..., text: _Optional[str] = ...) -> None: ...

class ConsentStatus(_message.Message):
    __slots__ = ("version", "pending")
    VERSION_FIELD_NUMBER: _ClassVar[int]
    PENDING_FIELD_NUMBER: _ClassVar[int]
    version: str
    pending: _containers.RepeatedCompositeFieldContainer[ConsentRequest]
    def __init__(self, version: _Optional[str] = ..., pending: _Optional[_Iterable[_Union[ConsentRequest, _Mapping]]] = ...) -> None: ...

class RecordConsentRequest(_message.Message):
    __slots__ = ("version", "accept")
    VERSION_FIELD_NUMBER: _ClassVar[int]
    ACCEPT_FIELD_NUMBER: _ClassVar[int]
    version: str
    accept: bool
    def __init__(self, version: _Optional[str] = ..., accept: _Optional[bool] = ...) -> None: ...

class RecordConsentResponse(_message.Message):
    __slots__ = ("school_ids", "decision")
    SCHOOL_IDS_FIELD_NUMBER: _ClassVar[int]
    DECISION_FIELD_NUMBER: _ClassVar[int]
    school_ids: _containers.RepeatedScalarFieldContainer[str]
    decision: str
    def __init__(self, school_ids: _Optional[_Iterable[str]] = ..., decision: _Optional[str] = ...) -> None: ...

class SetPaperDiaryRequest(_message.Message):
    __slots__ = ("school_id", "person_id", "wanted")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    WANTED_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    person_id: str
    wanted: bool
    def __init__(self, school_id: _Optional[str] = ..., person_id: _Optional[str] = ..., wanted: _Optional[bool] = ...) -> None: ...

class ListClassFamiliesRequest(_message.Message):
    __slots__ = ("school_id", "class_group_id", "on_date")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    ON_DATE_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    class_group_id: str
    on_date: str
    def __init__(self, school_id: _Optional[str] = ..., class_group_id: _Optional[str] = ..., on_date: _Optional[str] = ...) -> None: ...

class FamilyGuardian(_message.Message):
    __slots__ = ("guardian", "relation")
    GUARDIAN_FIELD_NUMBER: _ClassVar[int]
    RELATION_FIELD_NUMBER: _ClassVar[int]
    guardian: Person
    relation: str
    def __init__(self, guardian: _Optional[_Union[Person, _Mapping]] = ..., relation: _Optional[str] = ...) -> None: ...

class ClassFamily(_message.Message):
    __slots__ = ("student", "guardians")
    STUDENT_FIELD_NUMBER: _ClassVar[int]
    GUARDIANS_FIELD_NUMBER: _ClassVar[int]
    student: Person
    guardians: _containers.RepeatedCompositeFieldContainer[FamilyGuardian]
    def __init__(self, student: _Optional[_Union[Person, _Mapping]] = ..., guardians: _Optional[_Iterable[_Union[FamilyGuardian, _Mapping]]] = ...) -> None: ...

class ListClassFamiliesResponse(_message.Message):
    __slots__ = ("families",)
    FAMILIES_FIELD_NUMBER: _ClassVar[int]
    families: _containers.RepeatedCompositeFieldContainer[ClassFamily]
    def __init__(self, families: _Optional[_Iterable[_Union[ClassFamily, _Mapping]]] = ...) -> None: ...

class ActivateAccountRequest(_message.Message):
    __slots__ = ("code", "password")
    CODE_FIELD_NUMBER: _ClassVar[int]
    PASSWORD_FIELD_NUMBER: _ClassVar[int]
    code: str
    password: str
    def __init__(self, code: _Optional[str] = ..., password: _Optional[str] = ...) -> None: ...

class ActivateAccountResponse(_message.Message):
    __slots__ = ("username", "school_short_name")
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_SHORT_NAME_FIELD_NUMBER: _ClassVar[int]
    username: str
    school_short_name: str
    def __init__(self, username: _Optional[str] = ..., school_short_name: _Optional[str] = ...) -> None: ...

class ClaimActivationRequest(_message.Message):
    __slots__ = ("code",)
    CODE_FIELD_NUMBER: _ClassVar[int]
    code: str
    def __init__(self, code: _Optional[str] = ...) -> None: ...

class PendingMatch(_message.Message):
    __slots__ = ("id", "person", "claimed_full_name", "claimed_gender", "claimed_birth_date", "username", "requested_at", "status")
    ID_FIELD_NUMBER: _ClassVar[int]
    PERSON_FIELD_NUMBER: _ClassVar[int]
    CLAIMED_FULL_NAME_FIELD_NUMBER: _ClassVar[int]
    CLAIMED_GENDER_FIELD_NUMBER: _ClassVar[int]
    CLAIMED_BIRTH_DATE_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    REQUESTED_AT_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    id: str
    person: Person
    claimed_full_name: str
    claimed_gender: str
    claimed_birth_date: str
    username: str
    requested_at: str
    status: str
    def __init__(self, id: _Optional[str] = ..., person: _Optional[_Union[Person, _Mapping]] = ..., claimed_full_name: _Optional[str] = ..., claimed_gender: _Optional[str] = ..., claimed_birth_date: _Optional[str] = ..., username: _Optional[str] = ..., requested_at: _Optional[str] = ..., status: _Optional[str] = ...) -> None: ...

class ListPendingMatchesRequest(_message.Message):
    __slots__ = ("school_id",)
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    def __init__(self, school_id: _Optional[str] = ...) -> None: ...

class ListPendingMatchesResponse(_message.Message):
    __slots__ = ("matches",)
    MATCHES_FIELD_NUMBER: _ClassVar[int]
    matches: _containers.RepeatedCompositeFieldContainer[PendingMatch]
    def __init__(self, matches: _Optional[_Iterable[_Union[PendingMatch, _Mapping]]] = ...) -> None: ...

class DecideMatchRequest(_message.Message):
    __slots__ = ("school_id", "match_id", "confirm")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    MATCH_ID_FIELD_NUMBER: _ClassVar[int]
    CONFIRM_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    match_id: str
    confirm: bool
    def __init__(self, school_id: _Optional[str] = ..., match_id: _Optional[str] = ..., confirm: _Optional[bool] = ...) -> None: ...

class SetStaffRolesRequest(_message.Message):
    __slots__ = ("school_id", "person_id", "roles")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    ROLES_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    person_id: str
    roles: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, school_id: _Optional[str] = ..., person_id: _Optional[str] = ..., roles: _Optional[_Iterable[str]] = ...) -> None: ...

class UpdateStaffCardRequest(_message.Message):
    __slots__ = ("school_id", "person_id", "staff")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    STAFF_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    person_id: str
    staff: StaffCard
    def __init__(self, school_id: _Optional[str] = ..., person_id: _Optional[str] = ..., staff: _Optional[_Union[StaffCard, _Mapping]] = ...) -> None: ...

class AcademicDebt(_message.Message):
    __slots__ = ("subject_id", "subject_name", "deadline")
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    DEADLINE_FIELD_NUMBER: _ClassVar[int]
    subject_id: str
    subject_name: str
    deadline: str
    def __init__(self, subject_id: _Optional[str] = ..., subject_name: _Optional[str] = ..., deadline: _Optional[str] = ...) -> None: ...

class OrderLine(_message.Message):
    __slots__ = ("student_id", "from_class_group_id", "to_class_group_id", "debts", "document", "destination", "student_name")
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    FROM_CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    TO_CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    DEBTS_FIELD_NUMBER: _ClassVar[int]
    DOCUMENT_FIELD_NUMBER: _ClassVar[int]
    DESTINATION_FIELD_NUMBER: _ClassVar[int]
    STUDENT_NAME_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    from_class_group_id: str
    to_class_group_id: str
    debts: _containers.RepeatedCompositeFieldContainer[AcademicDebt]
    document: str
    destination: str
    student_name: str
    def __init__(self, student_id: _Optional[str] = ..., from_class_group_id: _Optional[str] = ..., to_class_group_id: _Optional[str] = ..., debts: _Optional[_Iterable[_Union[AcademicDebt, _Mapping]]] = ..., document: _Optional[str] = ..., destination: _Optional[str] = ..., student_name: _Optional[str] = ...) -> None: ...

class MovementOrder(_message.Message):
    __slots__ = ("id", "school_id", "kind", "number", "order_date", "effective_date", "reason", "lines", "cancels_order_id", "cancelled_by_order_id", "academic_year_id", "deadline", "late", "signed_by", "signed_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    ORDER_DATE_FIELD_NUMBER: _ClassVar[int]
    EFFECTIVE_DATE_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    CANCELS_ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    CANCELLED_BY_ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    ACADEMIC_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    DEADLINE_FIELD_NUMBER: _ClassVar[int]
    LATE_FIELD_NUMBER: _ClassVar[int]
    SIGNED_BY_FIELD_NUMBER: _ClassVar[int]
    SIGNED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    school_id: str
    kind: OrderKind
    number: str
    order_date: str
    effective_date: str
    reason: str
    lines: _containers.RepeatedCompositeFieldContainer[OrderLine]
    cancels_order_id: str
    cancelled_by_order_id: str
    academic_year_id: str
    deadline: str
    late: bool
    signed_by: str
    signed_at: str
    def __init__(self, id: _Optional[str] = ..., school_id: _Optional[str] = ..., kind: _Optional[_Union[OrderKind, str]] = ..., number: _Optional[str] = ..., order_date: _Optional[str] = ..., effective_date: _Optional[str] = ..., reason: _Optional[str] = ..., lines: _Optional[_Iterable[_Union[OrderLine, _Mapping]]] = ..., cancels_order_id: _Optional[str] = ..., cancelled_by_order_id: _Optional[str] = ..., academic_year_id: _Optional[str] = ..., deadline: _Optional[str] = ..., late: _Optional[bool] = ..., signed_by: _Optional[str] = ..., signed_at: _Optional[str] = ...) -> None: ...

class SignOrderRequest(_message.Message):
    __slots__ = ("school_id", "kind", "number", "order_date", "effective_date", "reason", "lines", "cancels_order_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    ORDER_DATE_FIELD_NUMBER: _ClassVar[int]
    EFFECTIVE_DATE_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    CANCELS_ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    kind: OrderKind
    number: str
    order_date: str
    effective_date: str
    reason: str
    lines: _containers.RepeatedCompositeFieldContainer[OrderLine]
    cancels_order_id: str
    def __init__(self, school_id: _Optional[str] = ..., kind: _Optional[_Union[OrderKind, str]] = ..., number: _Optional[str] = ..., order_date: _Optional[str] = ..., effective_date: _Optional[str] = ..., reason: _Optional[str] = ..., lines: _Optional[_Iterable[_Union[OrderLine, _Mapping]]] = ..., cancels_order_id: _Optional[str] = ...) -> None: ...

class GetOrderRequest(_message.Message):
    __slots__ = ("school_id", "order_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    order_id: str
    def __init__(self, school_id: _Optional[str] = ..., order_id: _Optional[str] = ...) -> None: ...

class ListOrdersRequest(_message.Message):
    __slots__ = ("school_id", "academic_year_id", "student_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    ACADEMIC_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    academic_year_id: str
    student_id: str
    def __init__(self, school_id: _Optional[str] = ..., academic_year_id: _Optional[str] = ..., student_id: _Optional[str] = ...) -> None: ...

class ListOrdersResponse(_message.Message):
    __slots__ = ("orders",)
    ORDERS_FIELD_NUMBER: _ClassVar[int]
    orders: _containers.RepeatedCompositeFieldContainer[MovementOrder]
    def __init__(self, orders: _Optional[_Iterable[_Union[MovementOrder, _Mapping]]] = ...) -> None: ...

class CorrectPersonRequest(_message.Message):
    __slots__ = ("school_id", "person_id", "name", "gender", "birth_date", "reason")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    GENDER_FIELD_NUMBER: _ClassVar[int]
    BIRTH_DATE_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    person_id: str
    name: PersonName
    gender: str
    birth_date: str
    reason: str
    def __init__(self, school_id: _Optional[str] = ..., person_id: _Optional[str] = ..., name: _Optional[_Union[PersonName, _Mapping]] = ..., gender: _Optional[str] = ..., birth_date: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class PersonCorrection(_message.Message):
    __slots__ = ("corrected_at", "corrected_by", "reason", "field", "old_value", "new_value")
    CORRECTED_AT_FIELD_NUMBER: _ClassVar[int]
    CORRECTED_BY_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    FIELD_FIELD_NUMBER: _ClassVar[int]
    OLD_VALUE_FIELD_NUMBER: _ClassVar[int]
    NEW_VALUE_FIELD_NUMBER: _ClassVar[int]
    corrected_at: str
    corrected_by: str
    reason: str
    field: str
    old_value: str
    new_value: str
    def __init__(self, corrected_at: _Optional[str] = ..., corrected_by: _Optional[str] = ..., reason: _Optional[str] = ..., field: _Optional[str] = ..., old_value: _Optional[str] = ..., new_value: _Optional[str] = ...) -> None: ...

class GetPersonalRecordRequest(_message.Message):
    __slots__ = ("school_id", "person_id", "reason")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    person_id: str
    reason: str
    def __init__(self, school_id: _Optional[str] = ..., person_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class PersonalRecord(_message.Message):
    __slots__ = ("person", "orders", "corrections")
    PERSON_FIELD_NUMBER: _ClassVar[int]
    ORDERS_FIELD_NUMBER: _ClassVar[int]
    CORRECTIONS_FIELD_NUMBER: _ClassVar[int]
    person: Person
    orders: _containers.RepeatedCompositeFieldContainer[MovementOrder]
    corrections: _containers.RepeatedCompositeFieldContainer[PersonCorrection]
    def __init__(self, person: _Optional[_Union[Person, _Mapping]] = ..., orders: _Optional[_Iterable[_Union[MovementOrder, _Mapping]]] = ..., corrections: _Optional[_Iterable[_Union[PersonCorrection, _Mapping]]] = ...) -> None: ...

class TransitionDecision(_message.Message):
    __slots__ = ("student_id", "outcome", "debts", "document")
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    DEBTS_FIELD_NUMBER: _ClassVar[int]
    DOCUMENT_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    outcome: str
    debts: _containers.RepeatedCompositeFieldContainer[AcademicDebt]
    document: str
    def __init__(self, student_id: _Optional[str] = ..., outcome: _Optional[str] = ..., debts: _Optional[_Iterable[_Union[AcademicDebt, _Mapping]]] = ..., document: _Optional[str] = ...) -> None: ...

class NewClass(_message.Message):
    __slots__ = ("grade", "name")
    GRADE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    grade: int
    name: str
    def __init__(self, grade: _Optional[int] = ..., name: _Optional[str] = ...) -> None: ...

class YearTransitionRequest(_message.Message):
    __slots__ = ("school_id", "source_year_id", "name", "decisions", "new_classes", "order_date")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    SOURCE_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DECISIONS_FIELD_NUMBER: _ClassVar[int]
    NEW_CLASSES_FIELD_NUMBER: _ClassVar[int]
    ORDER_DATE_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    source_year_id: str
    name: str
    decisions: _containers.RepeatedCompositeFieldContainer[TransitionDecision]
    new_classes: _containers.RepeatedCompositeFieldContainer[NewClass]
    order_date: str
    def __init__(self, school_id: _Optional[str] = ..., source_year_id: _Optional[str] = ..., name: _Optional[str] = ..., decisions: _Optional[_Iterable[_Union[TransitionDecision, _Mapping]]] = ..., new_classes: _Optional[_Iterable[_Union[NewClass, _Mapping]]] = ..., order_date: _Optional[str] = ...) -> None: ...

class TransitionStudent(_message.Message):
    __slots__ = ("student_id", "full_name", "outcome", "to_class_name", "debts")
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    FULL_NAME_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    TO_CLASS_NAME_FIELD_NUMBER: _ClassVar[int]
    DEBTS_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    full_name: str
    outcome: str
    to_class_name: str
    debts: _containers.RepeatedCompositeFieldContainer[AcademicDebt]
    def __init__(self, student_id: _Optional[str] = ..., full_name: _Optional[str] = ..., outcome: _Optional[str] = ..., to_class_name: _Optional[str] = ..., debts: _Optional[_Iterable[_Union[AcademicDebt, _Mapping]]] = ...) -> None: ...

class TransitionClass(_message.Message):
    __slots__ = ("class_group_id", "name", "grade", "successor_name", "promoted", "conditional", "repeating", "graduated", "students", "form_teacher_id")
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    GRADE_FIELD_NUMBER: _ClassVar[int]
    SUCCESSOR_NAME_FIELD_NUMBER: _ClassVar[int]
    PROMOTED_FIELD_NUMBER: _ClassVar[int]
    CONDITIONAL_FIELD_NUMBER: _ClassVar[int]
    REPEATING_FIELD_NUMBER: _ClassVar[int]
    GRADUATED_FIELD_NUMBER: _ClassVar[int]
    STUDENTS_FIELD_NUMBER: _ClassVar[int]
    FORM_TEACHER_ID_FIELD_NUMBER: _ClassVar[int]
    class_group_id: str
    name: str
    grade: int
    successor_name: str
    promoted: int
    conditional: int
    repeating: int
    graduated: int
    students: _containers.RepeatedCompositeFieldContainer[TransitionStudent]
    form_teacher_id: str
    def __init__(self, class_group_id: _Optional[str] = ..., name: _Optional[str] = ..., grade: _Optional[int] = ..., successor_name: _Optional[str] = ..., promoted: _Optional[int] = ..., conditional: _Optional[int] = ..., repeating: _Optional[int] = ..., graduated: _Optional[int] = ..., students: _Optional[_Iterable[_Union[TransitionStudent, _Mapping]]] = ..., form_teacher_id: _Optional[str] = ...) -> None: ...

class YearTransition(_message.Message):
    __slots__ = ("source_year_id", "name", "target_year_id", "classes", "new_classes", "orders", "deadline", "late")
    SOURCE_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    TARGET_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    CLASSES_FIELD_NUMBER: _ClassVar[int]
    NEW_CLASSES_FIELD_NUMBER: _ClassVar[int]
    ORDERS_FIELD_NUMBER: _ClassVar[int]
    DEADLINE_FIELD_NUMBER: _ClassVar[int]
    LATE_FIELD_NUMBER: _ClassVar[int]
    source_year_id: str
    name: str
    target_year_id: str
    classes: _containers.RepeatedCompositeFieldContainer[TransitionClass]
    new_classes: _containers.RepeatedCompositeFieldContainer[NewClass]
    orders: _containers.RepeatedCompositeFieldContainer[MovementOrder]
    deadline: str
    late: bool
    def __init__(self, source_year_id: _Optional[str] = ..., name: _Optional[str] = ..., target_year_id: _Optional[str] = ..., classes: _Optional[_Iterable[_Union[TransitionClass, _Mapping]]] = ..., new_classes: _Optional[_Iterable[_Union[NewClass, _Mapping]]] = ..., orders: _Optional[_Iterable[_Union[MovementOrder, _Mapping]]] = ..., deadline: _Optional[str] = ..., late: _Optional[bool] = ...) -> None: ...

class GetYearTransitionRequest(_message.Message):
    __slots__ = ("school_id", "source_year_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    SOURCE_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    source_year_id: str
    def __init__(self, school_id: _Optional[str] = ..., source_year_id: _Optional[str] = ...) -> None: ...

class MovementPolicy(_message.Message):
    __slots__ = ("school_id", "promotion_due", "notice_working_days", "transition_due")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    PROMOTION_DUE_FIELD_NUMBER: _ClassVar[int]
    NOTICE_WORKING_DAYS_FIELD_NUMBER: _ClassVar[int]
    TRANSITION_DUE_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    promotion_due: str
    notice_working_days: int
    transition_due: str
    def __init__(self, school_id: _Optional[str] = ..., promotion_due: _Optional[str] = ..., notice_working_days: _Optional[int] = ..., transition_due: _Optional[str] = ...) -> None: ...

class GetMovementPolicyRequest(_message.Message):
    __slots__ = ("school_id",)
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    def __init__(self, school_id: _Optional[str] = ...) -> None: ...

class SetMovementPolicyRequest(_message.Message):
    __slots__ = ("school_id", "promotion_due", "notice_working_days", "transition_due")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    PROMOTION_DUE_FIELD_NUMBER: _ClassVar[int]
    NOTICE_WORKING_DAYS_FIELD_NUMBER: _ClassVar[int]
    TRANSITION_DUE_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    promotion_due: str
    notice_working_days: int
    transition_due: str
    def __init__(self, school_id: _Optional[str] = ..., promotion_due: _Optional[str] = ..., notice_working_days: _Optional[int] = ..., transition_due: _Optional[str] = ...) -> None: ...

class SchoolOnboarded(_message.Message):
    __slots__ = ("school_id", "name", "short_name")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SHORT_NAME_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    name: str
    short_name: str
    def __init__(self, school_id: _Optional[str] = ..., name: _Optional[str] = ..., short_name: _Optional[str] = ...) -> None: ...

class PersonRegistered(_message.Message):
    __slots__ = ("person",)
    PERSON_FIELD_NUMBER: _ClassVar[int]
    person: Person
    def __init__(self, person: _Optional[_Union[Person, _Mapping]] = ...) -> None: ...

class StudentEnrolled(_message.Message):
    __slots__ = ("student_id", "class_group_id", "full_name", "effective_date", "order_id", "memberships")
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    FULL_NAME_FIELD_NUMBER: _ClassVar[int]
    EFFECTIVE_DATE_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    MEMBERSHIPS_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    class_group_id: str
    full_name: str
    effective_date: str
    order_id: str
    memberships: _containers.RepeatedCompositeFieldContainer[ClassMembership]
    def __init__(self, student_id: _Optional[str] = ..., class_group_id: _Optional[str] = ..., full_name: _Optional[str] = ..., effective_date: _Optional[str] = ..., order_id: _Optional[str] = ..., memberships: _Optional[_Iterable[_Union[ClassMembership, _Mapping]]] = ...) -> None: ...

class StudentTransferred(_message.Message):
    __slots__ = ("student_id", "from_class_group_id", "to_class_group_id", "effective_date", "order_id", "full_name", "memberships")
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    FROM_CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    TO_CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    EFFECTIVE_DATE_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    FULL_NAME_FIELD_NUMBER: _ClassVar[int]
    MEMBERSHIPS_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    from_class_group_id: str
    to_class_group_id: str
    effective_date: str
    order_id: str
    full_name: str
    memberships: _containers.RepeatedCompositeFieldContainer[ClassMembership]
    def __init__(self, student_id: _Optional[str] = ..., from_class_group_id: _Optional[str] = ..., to_class_group_id: _Optional[str] = ..., effective_date: _Optional[str] = ..., order_id: _Optional[str] = ..., full_name: _Optional[str] = ..., memberships: _Optional[_Iterable[_Union[ClassMembership, _Mapping]]] = ...) -> None: ...

class StudentPromoted(_message.Message):
    __slots__ = ("student_id", "from_class_group_id", "to_class_group_id", "effective_date", "order_id", "full_name", "conditional", "debts", "repeating", "memberships")
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    FROM_CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    TO_CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    EFFECTIVE_DATE_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    FULL_NAME_FIELD_NUMBER: _ClassVar[int]
    CONDITIONAL_FIELD_NUMBER: _ClassVar[int]
    DEBTS_FIELD_NUMBER: _ClassVar[int]
    REPEATING_FIELD_NUMBER: _ClassVar[int]
    MEMBERSHIPS_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    from_class_group_id: str
    to_class_group_id: str
    effective_date: str
    order_id: str
    full_name: str
    conditional: bool
    debts: _containers.RepeatedCompositeFieldContainer[AcademicDebt]
    repeating: bool
    memberships: _containers.RepeatedCompositeFieldContainer[ClassMembership]
    def __init__(self, student_id: _Optional[str] = ..., from_class_group_id: _Optional[str] = ..., to_class_group_id: _Optional[str] = ..., effective_date: _Optional[str] = ..., order_id: _Optional[str] = ..., full_name: _Optional[str] = ..., conditional: _Optional[bool] = ..., debts: _Optional[_Iterable[_Union[AcademicDebt, _Mapping]]] = ..., repeating: _Optional[bool] = ..., memberships: _Optional[_Iterable[_Union[ClassMembership, _Mapping]]] = ...) -> None: ...

class StudentGraduated(_message.Message):
    __slots__ = ("student_id", "from_class_group_id", "effective_date", "order_id", "full_name", "document", "memberships")
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    FROM_CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    EFFECTIVE_DATE_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    FULL_NAME_FIELD_NUMBER: _ClassVar[int]
    DOCUMENT_FIELD_NUMBER: _ClassVar[int]
    MEMBERSHIPS_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    from_class_group_id: str
    effective_date: str
    order_id: str
    full_name: str
    document: str
    memberships: _containers.RepeatedCompositeFieldContainer[ClassMembership]
    def __init__(self, student_id: _Optional[str] = ..., from_class_group_id: _Optional[str] = ..., effective_date: _Optional[str] = ..., order_id: _Optional[str] = ..., full_name: _Optional[str] = ..., document: _Optional[str] = ..., memberships: _Optional[_Iterable[_Union[ClassMembership, _Mapping]]] = ...) -> None: ...

class StudentLeft(_message.Message):
    __slots__ = ("student_id", "from_class_group_id", "effective_date", "order_id", "full_name", "destination", "reason", "memberships")
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    FROM_CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    EFFECTIVE_DATE_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    FULL_NAME_FIELD_NUMBER: _ClassVar[int]
    DESTINATION_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    MEMBERSHIPS_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    from_class_group_id: str
    effective_date: str
    order_id: str
    full_name: str
    destination: str
    reason: str
    memberships: _containers.RepeatedCompositeFieldContainer[ClassMembership]
    def __init__(self, student_id: _Optional[str] = ..., from_class_group_id: _Optional[str] = ..., effective_date: _Optional[str] = ..., order_id: _Optional[str] = ..., full_name: _Optional[str] = ..., destination: _Optional[str] = ..., reason: _Optional[str] = ..., memberships: _Optional[_Iterable[_Union[ClassMembership, _Mapping]]] = ...) -> None: ...

class MovementOrderCancelled(_message.Message):
    __slots__ = ("order", "cancellation", "students")
    ORDER_FIELD_NUMBER: _ClassVar[int]
    CANCELLATION_FIELD_NUMBER: _ClassVar[int]
    STUDENTS_FIELD_NUMBER: _ClassVar[int]
    order: MovementOrder
    cancellation: MovementOrder
    students: _containers.RepeatedCompositeFieldContainer[StudentMemberships]
    def __init__(self, order: _Optional[_Union[MovementOrder, _Mapping]] = ..., cancellation: _Optional[_Union[MovementOrder, _Mapping]] = ..., students: _Optional[_Iterable[_Union[StudentMemberships, _Mapping]]] = ...) -> None: ...

class StudentMemberships(_message.Message):
    __slots__ = ("student_id", "full_name", "memberships")
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    FULL_NAME_FIELD_NUMBER: _ClassVar[int]
    MEMBERSHIPS_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    full_name: str
    memberships: _containers.RepeatedCompositeFieldContainer[ClassMembership]
    def __init__(self, student_id: _Optional[str] = ..., full_name: _Optional[str] = ..., memberships: _Optional[_Iterable[_Union[ClassMembership, _Mapping]]] = ...) -> None: ...

class MovementOrderSigned(_message.Message):
    __slots__ = ("order",)
    ORDER_FIELD_NUMBER: _ClassVar[int]
    order: MovementOrder
    def __init__(self, order: _Optional[_Union[MovementOrder, _Mapping]] = ...) -> None: ...

class PersonCorrected(_message.Message):
    __slots__ = ("person", "corrections")
    PERSON_FIELD_NUMBER: _ClassVar[int]
    CORRECTIONS_FIELD_NUMBER: _ClassVar[int]
    person: Person
    corrections: _containers.RepeatedCompositeFieldContainer[PersonCorrection]
    def __init__(self, person: _Optional[_Union[Person, _Mapping]] = ..., corrections: _Optional[_Iterable[_Union[PersonCorrection, _Mapping]]] = ...) -> None: ...

class YearTransitioned(_message.Message):
    __slots__ = ("transition",)
    TRANSITION_FIELD_NUMBER: _ClassVar[int]
    transition: YearTransition
    def __init__(self, transition: _Optional[_Union[YearTransition, _Mapping]] = ...) -> None: ...

class GuardianLinked(_message.Message):
    __slots__ = ("guardian_id", "student_id", "relation")
    GUARDIAN_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    RELATION_FIELD_NUMBER: _ClassVar[int]
    guardian_id: str
    student_id: str
    relation: str
    def __init__(self, guardian_id: _Optional[str] = ..., student_id: _Optional[str] = ..., relation: _Optional[str] = ...) -> None: ...

class FederatedAccountLinked(_message.Message):
    __slots__ = ("guardian_id", "subject")
    GUARDIAN_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    guardian_id: str
    subject: str
    def __init__(self, guardian_id: _Optional[str] = ..., subject: _Optional[str] = ...) -> None: ...

class AccountCompromised(_message.Message):
    __slots__ = ("person_id", "subject", "reported_at", "reported_by")
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    REPORTED_AT_FIELD_NUMBER: _ClassVar[int]
    REPORTED_BY_FIELD_NUMBER: _ClassVar[int]
    person_id: str
    subject: str
    reported_at: str
    reported_by: str
    def __init__(self, person_id: _Optional[str] = ..., subject: _Optional[str] = ..., reported_at: _Optional[str] = ..., reported_by: _Optional[str] = ...) -> None: ...

class SchoolUpdated(_message.Message):
    __slots__ = ("school",)
    SCHOOL_FIELD_NUMBER: _ClassVar[int]
    school: School
    def __init__(self, school: _Optional[_Union[School, _Mapping]] = ...) -> None: ...

class SchoolStatusChanged(_message.Message):
    __slots__ = ("school_id", "status")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    status: str
    def __init__(self, school_id: _Optional[str] = ..., status: _Optional[str] = ...) -> None: ...

class FormTeacherAssigned(_message.Message):
    __slots__ = ("class_group_id", "person_id")
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    class_group_id: str
    person_id: str
    def __init__(self, class_group_id: _Optional[str] = ..., person_id: _Optional[str] = ...) -> None: ...

class AccountActivated(_message.Message):
    __slots__ = ("person_id", "subject", "username")
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    person_id: str
    subject: str
    username: str
    def __init__(self, person_id: _Optional[str] = ..., subject: _Optional[str] = ..., username: _Optional[str] = ...) -> None: ...

class StaffCardUpdated(_message.Message):
    __slots__ = ("person_id", "staff")
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    STAFF_FIELD_NUMBER: _ClassVar[int]
    person_id: str
    staff: StaffCard
    def __init__(self, person_id: _Optional[str] = ..., staff: _Optional[_Union[StaffCard, _Mapping]] = ...) -> None: ...

class StaffRolesChanged(_message.Message):
    __slots__ = ("person_id", "roles", "added", "removed")
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    ROLES_FIELD_NUMBER: _ClassVar[int]
    ADDED_FIELD_NUMBER: _ClassVar[int]
    REMOVED_FIELD_NUMBER: _ClassVar[int]
    person_id: str
    roles: _containers.RepeatedScalarFieldContainer[str]
    added: _containers.RepeatedScalarFieldContainer[str]
    removed: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, person_id: _Optional[str] = ..., roles: _Optional[_Iterable[str]] = ..., added: _Optional[_Iterable[str]] = ..., removed: _Optional[_Iterable[str]] = ...) -> None: ...

class ContactsUpdated(_message.Message):
    __slots__ = ("person_id", "contacts")
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    CONTACTS_FIELD_NUMBER: _ClassVar[int]
    person_id: str
    contacts: Contacts
    def __init__(self, person_id: _Optional[str] = ..., contacts: _Optional[_Union[Contacts, _Mapping]] = ...) -> None: ...

class PersonSignedIn(_message.Message):
    __slots__ = ("school_id", "person_id", "subject", "signed_in_at", "roles", "full_name")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    SIGNED_IN_AT_FIELD_NUMBER: _ClassVar[int]
    ROLES_FIELD_NUMBER: _ClassVar[int]
    FULL_NAME_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    person_id: str
    subject: str
    signed_in_at: str
    roles: _containers.RepeatedScalarFieldContainer[str]
    full_name: str
    def __init__(self, school_id: _Optional[str] = ..., person_id: _Optional[str] = ..., subject: _Optional[str] = ..., signed_in_at: _Optional[str] = ..., roles: _Optional[_Iterable[str]] = ..., full_name: _Optional[str] = ...) -> None: ...

class ConsentRecorded(_message.Message):
    __slots__ = ("person_id", "version", "decision", "decided_at")
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    DECISION_FIELD_NUMBER: _ClassVar[int]
    DECIDED_AT_FIELD_NUMBER: _ClassVar[int]
    person_id: str
    version: str
    decision: str
    decided_at: str
    def __init__(self, person_id: _Optional[str] = ..., version: _Optional[str] = ..., decision: _Optional[str] = ..., decided_at: _Optional[str] = ...) -> None: ...

class PaperDiarySet(_message.Message):
    __slots__ = ("guardian_id", "wanted")
    GUARDIAN_ID_FIELD_NUMBER: _ClassVar[int]
    WANTED_FIELD_NUMBER: _ClassVar[int]
    guardian_id: str
    wanted: bool
    def __init__(self, guardian_id: _Optional[str] = ..., wanted: _Optional[bool] = ...) -> None: ...
