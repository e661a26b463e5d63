"""Schedule service: academic years and terms, class groups, subjects, teaching assignments, timetable, dated lessons."""
