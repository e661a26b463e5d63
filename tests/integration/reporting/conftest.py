"""The reporting service's test database and its servicer in-process on a free port, against the real PostgreSQL
and Keycloak tokens, with a fake of our principal port."""
import pytest

from proto.reporting.v1 import reporting_pb2_grpc
from services.common.outbox import Outbox
from services.reporting import bootstrap
from services.reporting.adapters import tables
from tests.support.grpc_harness import FakePrincipals, database, serving


@pytest.fixture(scope="module")
def db():
    with database("reporting") as db:
        yield db


@pytest.fixture(scope="module")
def principals():
    return FakePrincipals()


@pytest.fixture(scope="module")
def stub(db, principals):
    with serving(reporting_pb2_grpc.add_ReportingServiceServicer_to_server,
                 bootstrap.servicer(db, Outbox("reporting", tables.outbox)), reporting_pb2_grpc.ReportingServiceStub,
                 principals) as served:
        yield served
