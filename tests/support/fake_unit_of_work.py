"""A unit of work in memory for service-layer unit tests (cosmicpython's FakeUnitOfWork): no database; it counts
the blocks that ended without an error (commits) and keeps the events published. A test puts its fake stores on it."""


class FakeUnitOfWork:
    def __init__(self, school_id: str = ""):
        self.school_id = school_id
        self.published: list = []
        self.committed = 0

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.committed += 1

    def publish(self, message) -> None:
        self.published.append(message)

    def publish_all(self, messages: list) -> None:
        self.published.extend(messages)
