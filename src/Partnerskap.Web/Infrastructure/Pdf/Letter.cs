namespace Partnerskap.Web.Infrastructure.Pdf;

/// <summary>
/// A one-off letter (invoice cover, notice, confirmation). Paragraphs and <see cref="Closing"/> may contain '\n' for a
/// hard line break. <see cref="Facts"/> are shown as a two-column table under the paragraphs; empty means no table.
/// </summary>
public sealed record Letter(
    string SenderName, IReadOnlyList<string> SenderAddressLines,
    string RecipientName, IReadOnlyList<string> RecipientAddressLines,
    DateOnly Date, string? Reference, string Title,
    IReadOnlyList<string> Paragraphs, IReadOnlyList<(string Label, string Value)> Facts, string? Closing);
