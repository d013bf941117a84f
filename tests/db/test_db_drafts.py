import pytest

from app.db.drafts import delete_draft, draft_saved_at, list_drafts, load_draft, save_draft

# Not a test of access (tests/security is): every database here acts as the
# explicit test-fixture system task, not as a person.
pytestmark = pytest.mark.usefixtures("system_actor")


def test_draft_round_trip_replace_and_delete(database):
    with database.session() as s:
        assert load_draft(s, "screening", "patient:1") is None
        save_draft(s, "screening", "patient:1", {"page": 2, "answers": {"a": "yes"}}, user="n")
    with database.session() as s:
        assert load_draft(s, "screening", "patient:1") == {"page": 2, "answers": {"a": "yes"}}
        assert draft_saved_at(s, "screening", "patient:1") is not None
        save_draft(s, "screening", "patient:1", {"page": 3}, user="n")
    with database.session() as s:
        assert load_draft(s, "screening", "patient:1") == {"page": 3}
        assert [k for k, _ in list_drafts(s, "screening")] == ["patient:1"]
        delete_draft(s, "screening", "patient:1")
    with database.session() as s:
        assert load_draft(s, "screening", "patient:1") is None


def test_drafts_of_different_kinds_do_not_collide(database):
    with database.session() as s:
        save_draft(s, "screening", "k", {"x": 1}, user="n")
        save_draft(s, "visit", "k", {"x": 2}, user="n")
    with database.session() as s:
        assert load_draft(s, "screening", "k") == {"x": 1}
        assert load_draft(s, "visit", "k") == {"x": 2}
