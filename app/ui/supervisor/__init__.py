"""The supervisor's console (Qt): floor, productivity, orders and audit, holds. See app.supervisor."""
