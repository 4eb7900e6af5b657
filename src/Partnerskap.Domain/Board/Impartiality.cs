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

    /// <summary>
    /// DIS-3: recusals to put to the board, from the register of interests: a seat holder with a current interest in an
    /// organisation that is a party, who is not already recused or declared.
    /// </summary>
    public static IReadOnlyList<(string UserId, string Reason)> Suggestions(BoardCase boardCase, IEnumerable<BoardSeat> seats,
        IEnumerable<DeclaredInterest> interests, DateOnly date)
    {
        var parties = boardCase.Parties.Select(p => p.Orgnr).ToHashSet();
        return (from s in seats
                where s.IsHeldOn(date) && RecusedFrom(boardCase, s.UserId, s.OrganisationOrgnr) is null
                    && boardCase.Recusals.All(r => r.UserId != s.UserId)
                from i in interests
                where i.UserId == s.UserId && i.IsHeldOn(date) && i.Orgnr is not null && parties.Contains(i.Orgnr)
                select (s.UserId, $"{i.Role}, {i.Organisation}")).DistinctBy(x => x.UserId).ToList();
    }
}
