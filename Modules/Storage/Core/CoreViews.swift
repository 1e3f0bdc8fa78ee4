/// What other modules may read of the core's tables (issue 18): staff and their roles.
enum CoreViews {
    static let names = ["staff_v", "staff_role_v"]

    static let v1 = """
        CREATE VIEW staff_v AS
            SELECT id, name, gender, birthDate, active, addedAt, leftAt FROM staff;
        CREATE VIEW staff_role_v AS
            SELECT staffID, role FROM staff_role;
        """
}
