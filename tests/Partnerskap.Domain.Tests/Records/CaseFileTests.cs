using Partnerskap.Domain.Common;
using Partnerskap.Domain.Records;

namespace Partnerskap.Domain.Tests.Records;

public class CaseFileTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private static JournalEntry Entry(bool restricted, string? legalBasis, string? publicTitle = null) =>
        new(Guid.NewGuid(), 2026, 1, 1, EntryType.Incoming, "Søknad fra Per Hansen", new DateOnly(2026, 11, 25), "Per Hansen", restricted, legalBasis, publicTitle, Now, "office");

    [Fact]
    public void ORG_1_a_restricted_entry_without_legal_basis_is_refused()
    {
        var e = Assert.Throws<RuleViolation>(() => Entry(restricted: true, legalBasis: " "));
        Assert.Equal("ORG-1", e.Rule);
        Assert.Equal("legalBasis", e.Field);
    }

    [Fact]
    public void ORG_1_a_public_entry_has_no_legal_basis_and_its_public_title_is_its_title()
    {
        Assert.Throws<RuleViolation>(() => Entry(restricted: false, legalBasis: "offl. § 13"));
        var open = Entry(restricted: false, legalBasis: null);
        Assert.Equal(open.Title, open.PublicTitle);
    }

    [Fact]
    public void ORG_1_a_restricted_entry_is_screened_in_public()
    {
        Assert.Equal(JournalEntry.ScreenedTitle, Entry(restricted: true, legalBasis: "offl. § 13").PublicTitle);
        Assert.Equal("Søknad fra *****", Entry(restricted: true, legalBasis: "offl. § 13", publicTitle: "Søknad fra *****").PublicTitle);
    }

    [Fact]
    public void Entries_are_numbered_in_the_case_and_a_closed_case_takes_no_more()
    {
        var c = new CaseFile(1, Guid.NewGuid(), "member:920125298", 2026, 4, "Medlemskap – Asker kommune", Now, "office");
        Assert.Equal("2026/4", c.Number);
        c.AddEntry(Entry(false, null));
        Assert.Equal(1, c.Entries[0].PartnershipId);
        c.Close(Now);
        Assert.Throws<RuleViolation>(() => c.AddEntry(Entry(false, null)));
        Assert.Throws<RuleViolation>(() => new CaseFile(1, Guid.NewGuid(), " ", 2026, 5, "x", Now, "office"));
    }
}
