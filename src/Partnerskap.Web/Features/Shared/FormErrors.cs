using Microsoft.AspNetCore.Mvc.ModelBinding;
using Partnerskap.Domain.Common;
using Partnerskap.Web.Features.Members;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Shared;

/// <summary>
/// Runs a handler from a page and puts what it refuses next to the field it concerns (ModelState), in bokmål where the
/// rule is known, otherwise the handler's own message with the rule ID.
/// </summary>
public static class FormErrors
{
    public static async Task<bool> TryAsync(ModelStateDictionary modelState, Texts t, Func<Task> action)
    {
        try
        {
            await action();
            return true;
        }
        catch (RuleViolation v)
        {
            modelState.AddModelError(v.Field ?? "", Phrase(t, v.Rule, v.Field, v.Message));
        }
        catch (ValidationFailed f)
        {
            foreach (var (field, message) in f.Errors)
            {
                modelState.AddModelError(field, Phrase(t, null, field, message));
            }
        }

        return false;
    }

    private static string Phrase(Texts t, string? rule, string? field, string message)
    {
        var known = (rule, field) switch
        {
            ("MEM-4", "document") => t["Oppsigelsen må være skriftlig: last opp brevet, e-posten eller den signerte PDF-en (MEM-4)."],
            ("MEM-3", null) => t["Medlemmet har allerede en stående oppsigelse. Trekk den tilbake først for å registrere en ny (MEM-3)."],
            ("FIN-9", "amount") => t["Utgiften ville gått ut over godkjent finansiering og er ikke registrert. Programstyret og de deltakende medlemmene er varslet (FIN-9)."],
            ("FIN-9", "file") => t["Importen ville gått ut over godkjent finansiering. Ingen av utgiftene i filen er registrert. Programstyret og de deltakende medlemmene er varslet (FIN-9)."],
            ("FIN-8", "orgnr") => t["Medlemmet deltar ikke i prosjektet: gevinster planlegges bare for deltakende medlemmer (FIN-8)."],
            ("FIN-8", "ownerName") => t["Oppgi gevinsteieren hos medlemmet (FIN-8)."],
            ("FIN-8", "indicator") => t["Oppgi indikatoren: hvordan gevinsten måles (FIN-8)."],
            ("FIN-8", "baseline" or "target" or "value") => t["Verdien kan ikke være negativ (FIN-8)."],
            ("FIN-8", null) => t["Det er allerede rapportert en måling for denne perioden (FIN-8)."],
            ("PUR-5", "progress") => t["Beskriv fremdriften siden forrige rapport."],
            ("FIN-7", "decisionRef") => t["Oppgi nummeret på programstyrets vedtak i vedtaksregisteret (FIN-7)."],
            ("ORG-1", "choice") => t["Den andre innføringen stemmer ikke med den første: stemmen er ulik. Sjekk papirstemmeseddelen; ingenting er telt (ORG-1)."],
            ("ORG-2", null) => t["Bare den som har plass i programstyret (ikke observatør) kan registrere styrets vedtak (ORG-2)."],
            (null, "orgnr") => t["Ugyldig organisasjonsnummer: 9 siffer med riktig kontrollsiffer (modulus 11)."],
            (null, "name") => t["Skriv inn navnet."],
            (null, "kind") => t["Velg type."],
            _ => null,
        };
        return known ?? (rule is null ? message : $"{message} ({rule})");
    }

    /// <summary>
    /// Moves the errors recorded under <paramref name="from"/> (a handler's field name, or "" for the form) to
    /// <paramref name="to"/>, the field the page shows them next to.
    /// </summary>
    public static void Move(ModelStateDictionary modelState, string from, string to)
    {
        if (!modelState.TryGetValue(from, out var entry) || entry.Errors.Count == 0)
        {
            return;
        }

        foreach (var error in entry.Errors.ToList())
        {
            modelState.AddModelError(to, error.ErrorMessage);
        }

        modelState.Remove(from);
    }

    /// <summary>The first error for <paramref name="field"/>, or null.</summary>
    public static string? For(ModelStateDictionary modelState, string field) =>
        modelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}

/// <summary>Dates from form fields (yyyy-MM-dd, what &lt;input type="date"&gt; posts); a bad one becomes a field error.</summary>
public static class FormDates
{
    public static DateOnly? Parse(string? value, string field, ModelStateDictionary modelState, Texts t)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
        {
            return date;
        }

        modelState.AddModelError(field, t["Skriv datoen som åååå-mm-dd."]);
        return null;
    }
}
