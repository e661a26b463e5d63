"""The Russian web pages: home, lessons and diaries, the journal, the schedule and the tenant console, with their
Jinja templates and static files. Every rule is the services'; the pages show what they answer."""
