using System.Globalization;

namespace Partnerskap.Domain.Common;

/// <summary>Bokmål alphabetical order (… Y, Z, Æ, Ø, Å), case ignored: the one comparer for lists of names.</summary>
public static class Bokmal
{
    public static readonly StringComparer Order = StringComparer.Create(CultureInfo.GetCultureInfo("nb-NO"), ignoreCase: true);
}
