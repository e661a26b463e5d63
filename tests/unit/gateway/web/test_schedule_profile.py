"""Curriculum profiles on the set-up pages with fake services: the year's page lists the profiles with their hours and
creates profiles ("10-11") and sets their hours; a class's page offers the profiles of its grade and applies one."""
from proto.schedule.v1 import schedule_pb2 as pb
from services.common.errors import Invalid
from tests.unit.gateway.web.test_schedule_setup import CLASS_SETUP, SETUP, SUBJECT, YEAR, _class, _school, sent

SCIENCE = "7e1e2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b"
JUNIOR = "9e1e2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b"


def _profiles(peers):
    peers.responses["ListProfiles"] = pb.ListProfilesResponse(profiles=[
        pb.CurriculumProfile(id=SCIENCE, name="Физико-математический", grade_from=10, grade_to=11, hours=[
            pb.ProfileHours(subject_id=SUBJECT, subject_name="Математика", hours_per_week="6")]),
        pb.CurriculumProfile(id=JUNIOR, name="Начальный", grade_from=1, grade_to=4)])


def test_the_year_page_lists_creates_and_fills_profiles(browser, peers):
    _school(peers)
    _profiles(peers)
    page = browser.get(SETUP).get_data(as_text=True)
    assert "<strong>Физико-математический</strong> (2025/2026, 10–11 классы):" in page and "Математика — 6 ч." in page
    assert "часы не заданы" in page and 'class="profile-hours-form"' in page
    resp = browser.post(f"{SETUP}/profile", data={"csrf_token": "csrf-123", "academic_year_id": YEAR,
                                                  "name": "Социально-экономический", "grades": "10–11"})
    assert resp.status_code == 302 and "done=profile" in resp.headers["Location"]
    created = sent(peers, "CreateProfile")
    assert (created.academic_year_id, created.name, created.grade_from, created.grade_to) == (
        YEAR, "Социально-экономический", 10, 11)
    browser.post(f"{SETUP}/profile-hours", data={"csrf_token": "csrf-123", "profile_id": SCIENCE,
                                                 "subject_id": SUBJECT, "hours_per_week": "5,5"})
    hours = sent(peers, "SetProfileHours")
    assert (hours.profile_id, hours.subject_id, hours.hours_per_week) == (SCIENCE, SUBJECT, "5,5")
    resp = browser.post(f"{SETUP}/profile", data={"csrf_token": "csrf-123", "academic_year_id": YEAR, "name": "Х",
                                                  "grades": "старшие"})
    assert resp.status_code == 422 and "классы в виде «1-9»" in resp.get_data(as_text=True)


def test_a_class_gets_a_profile_of_its_grade(browser, peers):
    _class(peers)
    _profiles(peers)
    peers.responses["GetClassGroup"] = pb.ClassGroup(id="5c1e2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b", name="10А", grade=10,
                                                     academic_year_id=YEAR)
    page = browser.get(CLASS_SETUP).get_data(as_text=True)
    form = page[page.index('class="apply-profile-form"'):]
    assert "Физико-математический: Математика 6" in form and "Начальный" not in form
    assert sent(peers, "ListProfiles").academic_year_id == YEAR
    resp = browser.post(f"{CLASS_SETUP}/profile", data={"csrf_token": "csrf-123", "profile_id": SCIENCE})
    assert resp.status_code == 302 and sent(peers, "ApplyProfile").profile_id == SCIENCE
    peers.responses["ApplyProfile"] = Invalid("profile_id", "профиль другого учебного года")
    resp = browser.post(f"{CLASS_SETUP}/profile", data={"csrf_token": "csrf-123", "profile_id": SCIENCE})
    page = resp.get_data(as_text=True)
    assert resp.status_code == 422 and page.index("профиль другого учебного года") < page.index(
        'class="apply-profile-form"')
