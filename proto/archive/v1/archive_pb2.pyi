from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ArchivePackage(_message.Message):
    __slots__ = ("id", "school_id", "academic_year_id", "academic_year_name", "status", "bucket", "object_key", "version_id", "sha256", "retain_until", "created_at", "error")
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
    def __init__(self, id: _Optional[str] = ..., school_id: _Optional[str] = ..., academic_year_id: _Optional[str] = ..., academic_year_name: _Optional[str] = ..., status: _Optional[str] = ..., bucket: _Optional[str] = ..., object_key: _Optional[str] = ..., version_id: _Optional[str] = ..., sha256: _Optional[str] = ..., retain_until: _Optional[str] = ..., created_at: _Optional[str] = ..., error: _Optional[str] = ...) -> None: ...

class ListArchivesRequest(_message.Message):
    __slots__ = ("school_id",)
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    def __init__(self, school_id: _Optional[str] = ...) -> None: ...

class ListArchivesResponse(_message.Message):
    __slots__ = ("packages",)
    PACKAGES_FIELD_NUMBER: _ClassVar[int]
    packages: _containers.RepeatedCompositeFieldContainer[ArchivePackage]
    def __init__(self, packages: _Optional[_Iterable[_Union[ArchivePackage, _Mapping]]] = ...) -> None: ...

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

class ArchiveSealed(_message.Message):
    __slots__ = ("package",)
    PACKAGE_FIELD_NUMBER: _ClassVar[int]
    package: ArchivePackage
    def __init__(self, package: _Optional[_Union[ArchivePackage, _Mapping]] = ...) -> None: ...
