"""The attendance kinds a lesson records (the journal's statuses) with the names people see: the journal's policy and
grid carry them, reporting's attendance sheet counts the lessons missed by them."""
ATTENDANCE_KINDS = {"absent": "Н — отсутствовал", "late": "опоздал", "ill": "Б — болел", "excused": "УП — уважительная",
                    "unexcused": "НП — неуважительная"}
