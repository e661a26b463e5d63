"""The launcher reserves the services' ports against ephemeral use, keeping what the host reserved before."""
from services import launcher


def test_missing_ports_are_added_to_the_reserved_list_and_held_ones_are_not_repeated(tmp_path):
    reserved = tmp_path / "ip_local_reserved_ports"
    reserved.write_text("55432,59092-59093\n")
    launcher.reserve_ports([50051, 59093, 58000], reserved)
    assert reserved.read_text() == "55432,59092-59093,50051,58000"
    launcher.reserve_ports([50051, 58000], reserved)
    assert reserved.read_text() == "55432,59092-59093,50051,58000"


def test_an_empty_list_and_a_host_without_the_file_are_handled(tmp_path):
    reserved = tmp_path / "ip_local_reserved_ports"
    reserved.write_text("\n")
    launcher.reserve_ports([50051], reserved)
    assert reserved.read_text() == "50051"
    launcher.reserve_ports([50051], tmp_path / "absent")  # not root, no /proc/sys: nothing happens
    assert not (tmp_path / "absent").exists()
