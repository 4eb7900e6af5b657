using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Partnerships;
using Partnerskap.Domain.Records;
using Partnerskap.Web.Data;
using Partnerskap.Web.Infrastructure.Documents;

namespace Partnerskap.Web.Features.Records;

/// <summary>
/// ORG-1: the partnership's records as a Noark 5 v5.0 arkivuttrekk (api.md "Records"): <c>arkivstruktur.xml</c>
/// (arkiv → arkivdel → saksmappe → journalpost → dokumentbeskrivelse → dokumentobjekt), <c>arkivuttrekk.xml</c> (ADDML
/// 8.3 with SHA-256 of every XML and XSD file), the schemas, and the documents under <c>dokumenter/</c>.
/// Policy for open cases: the schema demands avsluttetDato/avsluttetAv on every mappe, so an open case gets the export
/// instant and "uttrekk" there, while its saksstatus says "Under behandling".
/// </summary>
public sealed class RecordsExport(AppDbContext db, IDocumentStore store, TimeProvider clock)
{
    private const string Ns = "http://www.arkivverket.no/standarder/noark5/arkivstruktur";
    private const string AddmlNs = "http://www.arkivverket.no/standarder/addml";
    private const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    private const string System = "Partnerskap";

    public static readonly string[] Schemas = ["arkivstruktur.xsd", "metadatakatalog.xsd", "addml.xsd"];

    public async Task<byte[]> ZipAsync(Partnership partnership, CancellationToken ct)
    {
        var cases = await db.CaseFiles.AsNoTracking()
            .Include(c => c.Entries).ThenInclude(e => e.Documents)
            .Where(c => c.PartnershipId == partnership.Id)
            .OrderBy(c => c.Year).ThenBy(c => c.Sequence)
            .ToListAsync(ct);
        var storedIds = cases.SelectMany(c => c.Entries).SelectMany(e => e.Documents).Select(d => d.StoredDocumentId).Distinct().ToList();
        var stored = await db.Documents.AsNoTracking().Where(d => storedIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.StorageKey, ct);
        var now = clock.GetUtcNow();

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var documentFiles = 0;
            foreach (var document in cases.SelectMany(c => c.Entries).SelectMany(e => e.Documents))
            {
                var entry = zip.CreateEntry(DocumentPath(document), CompressionLevel.Optimal);
                await using var target = await entry.OpenAsync(ct);
                await using var source = await store.OpenAsync(stored[document.StoredDocumentId], ct);
                await source.CopyToAsync(target, ct);
                documentFiles++;
            }

            var files = new Dictionary<string, byte[]>
            {
                ["arkivstruktur.xml"] = Arkivstruktur(partnership, cases, now),
            };
            foreach (var schema in Schemas)
            {
                files[schema] = SchemaBytes(schema);
            }

            files["arkivuttrekk.xml"] = Addml(partnership, cases, files, documentFiles, now);
            foreach (var (name, bytes) in files)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                await using var target = await entry.OpenAsync(ct);
                await target.WriteAsync(bytes, ct);
            }
        }

        return buffer.ToArray();
    }

    public static string DocumentPath(RecordDocument d) => $"dokumenter/{d.Id}.{d.Format}";

    public static byte[] SchemaBytes(string name)
    {
        using var stream = typeof(RecordsExport).Assembly.GetManifestResourceStream($"Partnerskap.Web.Records.Noark5.{name}")
            ?? throw new InvalidOperationException($"Schema {name} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static byte[] Arkivstruktur(Partnership p, List<CaseFile> cases, DateTimeOffset now)
    {
        var first = cases.Count > 0 ? cases.Min(c => c.CreatedAt) : now;
        return Write(w =>
        {
            w.WriteStartElement("arkiv", Ns);
            w.WriteAttributeString("xmlns", "xsi", null, Xsi);
            w.WriteAttributeString("schemaLocation", Xsi, $"{Ns} arkivstruktur.xsd");
            w.WriteElementString("systemID", Ns, StableId($"arkiv:{p.Id}").ToString());
            w.WriteElementString("tittel", Ns, $"{p.Name} – arkiv");
            w.WriteElementString("arkivstatus", Ns, "Opprettet");
            w.WriteElementString("opprettetDato", Ns, Instant(first));
            w.WriteElementString("opprettetAv", Ns, System);
            w.WriteElementString("avsluttetDato", Ns, Instant(now));
            w.WriteElementString("avsluttetAv", Ns, "uttrekk");
            w.WriteStartElement("arkivskaper", Ns);
            w.WriteElementString("arkivskaperID", Ns, p.Slug);
            w.WriteElementString("arkivskaperNavn", Ns, p.Name);
            w.WriteEndElement();

            w.WriteStartElement("arkivdel", Ns);
            w.WriteElementString("systemID", Ns, StableId($"arkivdel:{p.Id}").ToString());
            w.WriteElementString("tittel", Ns, $"{p.Name} – saksarkiv");
            w.WriteElementString("arkivdelstatus", Ns, "Aktiv periode");
            w.WriteElementString("opprettetDato", Ns, Instant(first));
            w.WriteElementString("opprettetAv", Ns, System);
            w.WriteElementString("avsluttetDato", Ns, Instant(now));
            w.WriteElementString("avsluttetAv", Ns, "uttrekk");
            w.WriteElementString("arkivperiodeStartDato", Ns, Date(PartnershipTime.OsloDate(first)));
            w.WriteElementString("arkivperiodeSluttDato", Ns, Date(PartnershipTime.OsloDate(now)));
            foreach (var c in cases)
            {
                WriteCase(w, c, now);
            }

            w.WriteEndElement();
            w.WriteEndElement();
        });
    }

    private static void WriteCase(XmlWriter w, CaseFile c, DateTimeOffset now)
    {
        w.WriteStartElement("mappe", Ns);
        w.WriteAttributeString("type", Xsi, "saksmappe");
        w.WriteElementString("systemID", Ns, c.SystemId.ToString());
        w.WriteElementString("mappeID", Ns, c.Number);
        w.WriteElementString("tittel", Ns, c.Title);
        w.WriteElementString("opprettetDato", Ns, Instant(c.CreatedAt));
        w.WriteElementString("opprettetAv", Ns, c.CreatedBy);
        w.WriteElementString("avsluttetDato", Ns, Instant(c.ClosedAt ?? now));
        w.WriteElementString("avsluttetAv", Ns, c.ClosedAt is null ? "uttrekk" : c.CreatedBy);
        foreach (var e in c.Entries.OrderBy(e => e.EntryNumber))
        {
            WriteEntry(w, c, e);
        }

        w.WriteElementString("saksaar", Ns, c.Year.ToString(CultureInfo.InvariantCulture));
        w.WriteElementString("sakssekvensnummer", Ns, c.Sequence.ToString(CultureInfo.InvariantCulture));
        w.WriteElementString("saksdato", Ns, Date(PartnershipTime.OsloDate(c.CreatedAt)));
        w.WriteElementString("administrativEnhet", Ns, "Programkontoret");
        w.WriteElementString("saksansvarlig", Ns, c.CreatedBy);
        w.WriteElementString("saksstatus", Ns, c.Status == CaseStatus.Closed ? "Avsluttet" : "Under behandling");
        w.WriteEndElement();
    }

    private static void WriteEntry(XmlWriter w, CaseFile c, JournalEntry e)
    {
        w.WriteStartElement("registrering", Ns);
        w.WriteAttributeString("type", Xsi, "journalpost");
        w.WriteElementString("systemID", Ns, e.SystemId.ToString());
        w.WriteElementString("opprettetDato", Ns, Instant(e.CreatedAt));
        w.WriteElementString("opprettetAv", Ns, e.CreatedBy);
        w.WriteElementString("arkivertDato", Ns, Instant(e.CreatedAt));
        w.WriteElementString("arkivertAv", Ns, e.CreatedBy);
        if (e.Restricted)
        {
            w.WriteStartElement("skjerming", Ns);
            w.WriteElementString("tilgangsrestriksjon", Ns, "UO");
            w.WriteElementString("skjermingshjemmel", Ns, e.LegalBasis);
            w.WriteElementString("skjermingMetadata", Ns, "tittel");
            w.WriteEndElement();
        }

        foreach (var d in e.Documents.OrderBy(d => d.Number))
        {
            w.WriteStartElement("dokumentbeskrivelse", Ns);
            w.WriteElementString("systemID", Ns, d.SystemId.ToString());
            w.WriteElementString("dokumenttype", Ns, "Brev");
            w.WriteElementString("dokumentstatus", Ns, "Dokumentet er ferdigstilt");
            w.WriteElementString("tittel", Ns, d.Title);
            w.WriteElementString("opprettetDato", Ns, Instant(e.CreatedAt));
            w.WriteElementString("opprettetAv", Ns, e.CreatedBy);
            w.WriteElementString("tilknyttetRegistreringSom", Ns, d.Main ? "Hoveddokument" : "Vedlegg");
            w.WriteElementString("dokumentnummer", Ns, d.Number.ToString(CultureInfo.InvariantCulture));
            w.WriteElementString("tilknyttetDato", Ns, Instant(e.CreatedAt));
            w.WriteElementString("tilknyttetAv", Ns, e.CreatedBy);
            w.WriteStartElement("dokumentobjekt", Ns);
            w.WriteElementString("systemID", Ns, d.ObjectSystemId.ToString());
            w.WriteElementString("versjonsnummer", Ns, "1");
            w.WriteElementString("variantformat", Ns, "Arkivformat");
            w.WriteElementString("format", Ns, d.Format);
            w.WriteElementString("opprettetDato", Ns, Instant(e.CreatedAt));
            w.WriteElementString("opprettetAv", Ns, e.CreatedBy);
            w.WriteElementString("referanseDokumentfil", Ns, DocumentPath(d));
            w.WriteElementString("sjekksum", Ns, d.Sha256);
            w.WriteElementString("sjekksumAlgoritme", Ns, "SHA256");
            w.WriteElementString("filstoerrelse", Ns, d.Length.ToString(CultureInfo.InvariantCulture));
            w.WriteEndElement();
            w.WriteEndElement();
        }

        w.WriteElementString("registreringsID", Ns, $"{c.Number}-{e.EntryNumber}");
        w.WriteElementString("tittel", Ns, e.Title);
        if (e.Restricted)
        {
            w.WriteElementString("offentligTittel", Ns, e.PublicTitle);
        }

        if (e.Party is { } party)
        {
            w.WriteStartElement("korrespondansepart", Ns);
            w.WriteElementString("korrespondanseparttype", Ns, e.Type == EntryType.Incoming ? "Avsender" : e.Type == EntryType.Outgoing ? "Mottaker" : "Intern mottaker");
            w.WriteElementString("korrespondansepartNavn", Ns, party);
            w.WriteEndElement();
        }

        w.WriteElementString("journalaar", Ns, e.JournalYear.ToString(CultureInfo.InvariantCulture));
        w.WriteElementString("journalsekvensnummer", Ns, e.JournalSequence.ToString(CultureInfo.InvariantCulture));
        w.WriteElementString("journalpostnummer", Ns, e.EntryNumber.ToString(CultureInfo.InvariantCulture));
        w.WriteElementString("journalposttype", Ns, TypeName(e.Type));
        w.WriteElementString("journalstatus", Ns, "Arkivert");
        w.WriteElementString("journaldato", Ns, Date(e.JournalDate));
        w.WriteEndElement();
    }

    /// <summary>Noark 5 journalposttype names (metadata catalogue M082).</summary>
    public static string TypeName(EntryType type) => type switch
    {
        EntryType.Incoming => "Inngående dokument",
        EntryType.Outgoing => "Utgående dokument",
        EntryType.InternalFollowUp => "Organinternt dokument for oppfølging",
        _ => "Organinternt dokument uten oppfølging",
    };

    private static byte[] Addml(Partnership p, List<CaseFile> cases, Dictionary<string, byte[]> files, int documentFiles, DateTimeOffset now)
    {
        var first = cases.Count > 0 ? cases.Min(c => c.CreatedAt) : now;
        var restricted = cases.SelectMany(c => c.Entries).Any(e => e.Restricted);
        return Write(w =>
        {
            w.WriteStartElement("addml", AddmlNs);
            w.WriteAttributeString("name", "Noark 5-arkivuttrekk");
            w.WriteStartElement("dataset", AddmlNs);
            w.WriteElementString("description", AddmlNs, "Noark 5-arkivuttrekk");
            w.WriteStartElement("reference", AddmlNs);
            w.WriteStartElement("context", AddmlNs);
            w.WriteStartElement("additionalElements", AddmlNs);
            w.WriteStartElement("additionalElement", AddmlNs);
            w.WriteAttributeString("name", "recordCreators");
            w.WriteStartElement("additionalElements", AddmlNs);
            Additional(w, "recordCreator", p.Name);
            w.WriteEndElement();
            w.WriteEndElement();
            Additional(w, "systemType", "Noark 5");
            Additional(w, "systemName", System);
            Additional(w, "archive", $"{p.Name} – arkiv");
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteStartElement("content", AddmlNs);
            w.WriteStartElement("additionalElements", AddmlNs);
            w.WriteStartElement("additionalElement", AddmlNs);
            w.WriteAttributeString("name", "archivalPeriod");
            w.WriteStartElement("properties", AddmlNs);
            Property(w, "startDate", Date(PartnershipTime.OsloDate(first)));
            Property(w, "endDate", Date(PartnershipTime.OsloDate(now)));
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();

            w.WriteStartElement("dataObjects", AddmlNs);
            w.WriteStartElement("dataObject", AddmlNs);
            w.WriteAttributeString("name", "Noark 5 arkivuttrekk");
            w.WriteStartElement("properties", AddmlNs);
            w.WriteStartElement("property", AddmlNs);
            w.WriteAttributeString("name", "info");
            w.WriteStartElement("properties", AddmlNs);
            w.WriteStartElement("property", AddmlNs);
            w.WriteAttributeString("name", "type");
            w.WriteElementString("value", AddmlNs, "Noark 5");
            w.WriteStartElement("properties", AddmlNs);
            Property(w, "version", "5.0");
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteStartElement("property", AddmlNs);
            w.WriteAttributeString("name", "additionalInfo");
            w.WriteStartElement("properties", AddmlNs);
            w.WriteStartElement("property", AddmlNs);
            w.WriteAttributeString("name", "periode");
            w.WriteStartElement("properties", AddmlNs);
            Property(w, "inngaaendeSkille", "skarpt");
            Property(w, "utgaaendeSkille", "skarpt");
            w.WriteEndElement();
            w.WriteEndElement();
            Property(w, "inneholderSkjermetInformasjon", restricted ? "true" : "false", "boolean");
            Property(w, "omfatterDokumenterSomErKassert", "false", "boolean");
            Property(w, "inneholderDokumenterSomSkalKasseres", "false", "boolean");
            Property(w, "inneholderVirksomhetsspesifikkeMetadata", "false", "boolean");
            Property(w, "antallDokumentfiler", documentFiles.ToString(CultureInfo.InvariantCulture), "integer");
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();

            w.WriteStartElement("dataObjects", AddmlNs);
            w.WriteStartElement("dataObject", AddmlNs);
            w.WriteAttributeString("name", "arkivstruktur");
            w.WriteStartElement("properties", AddmlNs);
            FileProperty(w, "arkivstruktur.xml", files["arkivstruktur.xml"]);
            SchemaProperty(w, "main", "arkivstruktur.xsd", files["arkivstruktur.xsd"]);
            SchemaProperty(w, "component", "metadatakatalog.xsd", files["metadatakatalog.xsd"]);
            w.WriteStartElement("property", AddmlNs);
            w.WriteAttributeString("name", "info");
            w.WriteStartElement("properties", AddmlNs);
            Occurrences(w, "mappe", cases.Count);
            Occurrences(w, "registrering", cases.Sum(c => c.Entries.Count));
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
        });
    }

    private static void Additional(XmlWriter w, string name, string value)
    {
        w.WriteStartElement("additionalElement", AddmlNs);
        w.WriteAttributeString("name", name);
        w.WriteElementString("value", AddmlNs, value);
        w.WriteEndElement();
    }

    private static void Property(XmlWriter w, string name, string value, string? dataType = null)
    {
        w.WriteStartElement("property", AddmlNs);
        if (dataType is not null)
        {
            w.WriteAttributeString("dataType", dataType);
        }

        w.WriteAttributeString("name", name);
        w.WriteElementString("value", AddmlNs, value);
        w.WriteEndElement();
    }

    private static void FileProperty(XmlWriter w, string name, byte[] bytes)
    {
        w.WriteStartElement("property", AddmlNs);
        w.WriteAttributeString("name", "file");
        w.WriteStartElement("properties", AddmlNs);
        Property(w, "name", name);
        w.WriteStartElement("property", AddmlNs);
        w.WriteAttributeString("name", "format");
        w.WriteElementString("value", AddmlNs, "XML");
        w.WriteStartElement("properties", AddmlNs);
        Property(w, "version", "1.0");
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteStartElement("property", AddmlNs);
        w.WriteAttributeString("name", "checksum");
        w.WriteStartElement("properties", AddmlNs);
        Property(w, "algorithm", "SHA256");
        Property(w, "value", Convert.ToHexStringLower(SHA256.HashData(bytes)));
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void SchemaProperty(XmlWriter w, string role, string name, byte[] bytes)
    {
        w.WriteStartElement("property", AddmlNs);
        w.WriteAttributeString("name", "schema");
        w.WriteElementString("value", AddmlNs, role);
        w.WriteStartElement("properties", AddmlNs);
        FileProperty(w, name, bytes);
        w.WriteStartElement("property", AddmlNs);
        w.WriteAttributeString("name", "type");
        w.WriteElementString("value", AddmlNs, "XML Schema");
        w.WriteStartElement("properties", AddmlNs);
        Property(w, "version", "1.0");
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void Occurrences(XmlWriter w, string element, int count)
    {
        w.WriteStartElement("property", AddmlNs);
        w.WriteAttributeString("name", "numberOfOccurrences");
        w.WriteElementString("value", AddmlNs, element);
        w.WriteStartElement("properties", AddmlNs);
        Property(w, "elementPath", $"//{element}");
        Property(w, "value", count.ToString(CultureInfo.InvariantCulture), "integer");
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static byte[] Write(Action<XmlWriter> body)
    {
        using var stream = new MemoryStream();
        using (var w = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            w.WriteStartDocument();
            body(w);
            w.WriteEndDocument();
        }

        return stream.ToArray();
    }

    private static string Instant(DateTimeOffset at) => XmlConvert.ToString(at);

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A fixed UUID for a name (arkiv and arkivdel keep their systemID from one export to the next).</summary>
    public static Guid StableId(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("partnerskap:" + name));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5-style
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
