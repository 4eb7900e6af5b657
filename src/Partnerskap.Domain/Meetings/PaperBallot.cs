using Partnerskap.Domain.Common;

namespace Partnerskap.Domain.Meetings;

public enum PaperBallotStatus
{
    /// <summary>Entered by one office user; does not count.</summary>
    Pending,

    /// <summary>Entered again, identically, by a second office user: counted once, with a receipt.</summary>
    Confirmed,
}

/// <summary>
/// ORG-1: a paper ballot (papirstemmeseddel) entered by two office users. The first registers it (member and choice), a
/// second, different office user enters the same paper again; only when both entries agree does it count, as one
/// <see cref="Ballot"/> for the member, with a receipt. One paper ballot per member and vote.
/// <para>In a secret vote <see cref="EnteredChoice"/> holds the first entry protected (encrypted) by the application,
/// and is cleared at confirmation: the choice then only lives in the anonymous tally.</para>
/// </summary>
public sealed class PaperBallot
{
    private PaperBallot()
    {
        Orgnr = "";
        RegisteredByUserId = "";
    }

    public PaperBallot(int voteId, string orgnr, string enteredChoice, string registeredByUserId, DateTimeOffset at)
    {
        VoteId = voteId;
        Orgnr = orgnr;
        EnteredChoice = enteredChoice;
        RegisteredByUserId = registeredByUserId;
        RegisteredAt = at;
    }

    public int Id { get; private set; }

    public int VoteId { get; private set; }

    /// <summary>The member whose paper ballot this is.</summary>
    public string Orgnr { get; private set; }

    /// <summary>The first entry's choice (protected in a secret vote); null once a secret vote's paper ballot is confirmed.</summary>
    public string? EnteredChoice { get; private set; }

    public string RegisteredByUserId { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public PaperBallotStatus Status { get; private set; }

    public string? ConfirmedByUserId { get; private set; }

    public DateTimeOffset? ConfirmedAt { get; private set; }

    /// <summary>The receipt of the counted ballot, given on confirmation.</summary>
    public string? Receipt { get; private set; }

    /// <summary>
    /// ORG-1: checks the second entry against the first. A second, different office user confirms; member and choice
    /// must be the same. <paramref name="firstChoice"/> is the first entry's choice in plain text.
    /// </summary>
    public void CheckSecondEntry(string userId, string orgnr, string choice, string firstChoice)
    {
        if (Status != PaperBallotStatus.Pending)
        {
            throw RuleViolation.Conflict($"The paper ballot for {Orgnr} is already confirmed and counted.", "ORG-1");
        }

        if (userId == RegisteredByUserId)
        {
            throw RuleViolation.Forbidden("You registered this paper ballot: a second, different office user must enter it again to confirm it.", "ORG-1");
        }

        if (orgnr.Trim() != Orgnr)
        {
            throw RuleViolation.Conflict("The second entry does not match the first: the member differs. Check the paper ballot; nothing was counted.", "ORG-1", "orgnr");
        }

        if (!string.Equals(choice.Trim(), firstChoice, StringComparison.OrdinalIgnoreCase))
        {
            throw RuleViolation.Conflict("The second entry does not match the first: the choice differs. Check the paper ballot; nothing was counted.", "ORG-1", "choice");
        }
    }

    /// <summary>Counted: the second entry agreed. A secret vote's entered choice is cleared.</summary>
    public void Confirm(string userId, string receipt, bool secret, DateTimeOffset at)
    {
        if (Status != PaperBallotStatus.Pending)
        {
            throw RuleViolation.Conflict($"The paper ballot for {Orgnr} is already confirmed and counted.", "ORG-1");
        }

        Status = PaperBallotStatus.Confirmed;
        ConfirmedByUserId = userId;
        ConfirmedAt = at;
        Receipt = receipt;
        if (secret)
        {
            EnteredChoice = null;
        }
    }
}
