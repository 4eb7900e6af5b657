namespace Partnerskap.Domain.Board;

/// <summary>Why a person is recused from a case, or null when not.</summary>
public sealed record RecusalReason(bool Automatic, string Reason);

/// <summary>
/// DIS-3: ordinary rules of impartiality (habilitet) apply to the board's handling. A board member whose organisation
/// is a party to the case is recused automatically; a declared conflict recuses until the board rejects it. A recused
/// member cannot vote on the case, does not count towards its quorum and does not see its restricted papers.
/// </summary>
public static class Impartiality
{
    /// <summary>DIS-3: is the person (coming from <paramref name="organisationOrgnr"/>) recused from the case?</summary>
    public static RecusalReason? RecusedFrom(BoardCase boardCase, string userId, string? organisationOrgnr)
    {
        if (organisationOrgnr is not null && boardCase.Parties.Any(p => p.Orgnr == organisationOrgnr))
        {
            return new RecusalReason(true, $"Organisation {organisationOrgnr} is a party to the case");
        }

        var declared = boardCase.Recusals.FirstOrDefault(r => r.UserId == userId && r.Status != RecusalStatus.Rejected);
        return declared is null ? null : new RecusalReason(false, declared.Reason);
    }

    /// <summary>DIS-3: may read the case's papers. Restricted papers are hidden from recused members.</summary>
    public static bool MayReadPapers(BoardCase boardCase, string userId, string? organisationOrgnr) =>
        !boardCase.Restricted || RecusedFrom(boardCase, userId, organisationOrgnr) is null;

    /// <summary>DIS-3 and ORG-2: the seats that may vote on the case on the date (voting seats, minus the recused).</summary>
    public static IReadOnlyList<BoardSeat> EligibleVoters(IEnumerable<BoardSeat> seats, BoardCase? boardCase, DateOnly on) =>
        seats.Where(s => s.VotesOn(on) && (boardCase is null || RecusedFrom(boardCase, s.UserId, s.OrganisationOrgnr) is null)).ToList();
}
