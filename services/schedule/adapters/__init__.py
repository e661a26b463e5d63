"""What the schedule keeps and asks elsewhere: its tables and the stores that own their SQL, protobuf messages,
the identity peer."""
