"""Customer returns, pure: what came back, in what state, where it goes, what to refund.

    model    grades, dispositions, flags, rules, the order a return comes back against
    codes    the returns bench's PS: barcodes (the return-label QR code, grade and bin cards)
    events   the session's inputs
    session  ReturnSession: inputs in, facts and effects out (like the packing session)
"""

from app.domain.returns.codes import (
    BadReturnsCode,
    BinCode,
    DispositionCode,
    GradeCode,
    ReturnCode,
    bin_code,
    disposition_code,
    grade_code,
    new_token,
    parse_returns_code,
    return_code,
)
from app.domain.returns.events import (
    BinScanned,
    DispositionChosen,
    GradeChosen,
    LookupProblem,
    ReturnInput,
    ReturnItemScanned,
    ReturnReferenceScanned,
    ReturnSerialScanned,
)
from app.domain.returns.model import (
    QUARANTINE_BIN,
    REASONS,
    Disposition,
    Flag,
    Grade,
    RaisedFlag,
    ReturnableLine,
    ReturnableOrder,
    ReturnedItem,
    ReturnRules,
)
from app.domain.returns.session import (
    CLOSING_FACTS,
    RETURN_OPEN_PHASES,
    PendingItem,
    ReturnPhase,
    ReturnSession,
    ReturnState,
    closing_facts,
)

__all__ = [
    "CLOSING_FACTS", "QUARANTINE_BIN", "REASONS", "RETURN_OPEN_PHASES", "BadReturnsCode", "BinCode", "BinScanned",
    "Disposition", "DispositionChosen", "DispositionCode", "Flag", "Grade", "GradeChosen", "GradeCode",
    "LookupProblem", "PendingItem", "RaisedFlag", "ReturnCode", "ReturnInput", "ReturnItemScanned", "ReturnPhase",
    "ReturnReferenceScanned", "ReturnRules", "ReturnSerialScanned", "ReturnSession", "ReturnState", "ReturnableLine",
    "ReturnableOrder", "ReturnedItem", "bin_code", "closing_facts", "disposition_code", "grade_code", "new_token",
    "parse_returns_code", "return_code",
]
