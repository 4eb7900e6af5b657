using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Partnerskap.Web.Infrastructure.Documents;

namespace Partnerskap.Web.Tests.Infrastructure;

public sealed class FileSystemDocumentStoreTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly FileSystemDocumentStore _store;

    public FileSystemDocumentStoreTests() =>
        _store = new FileSystemDocumentStore(_data.Options, new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero)));

    public void Dispose() => _data.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string DocumentsRoot => Path.Combine(_data.Path, "documents");

    [Fact]
    public async Task Saved_document_opens_with_the_same_bytes_and_is_deleted()
    {
        var bytes = Encoding.UTF8.GetBytes("%PDF-1.7 Referat fra årsmøtet i DigiViken");

        var stored = await _store.SaveAsync("Referat årsmøte.pdf", "application/pdf", new MemoryStream(bytes), Ct);

        Assert.Matches("^2026/[0-9a-f]{32}\\.pdf$", stored.StorageKey);
        Assert.Equal("Referat årsmøte.pdf", stored.FileName);
        Assert.Equal("application/pdf", stored.ContentType);
        Assert.Equal(bytes.Length, stored.Length);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), stored.Sha256);
        Assert.True(File.Exists(Path.Combine(DocumentsRoot, "2026", Path.GetFileName(stored.StorageKey))));
        Assert.Single(Directory.GetFiles(DocumentsRoot, "*", SearchOption.AllDirectories)); // no temp file left

        await using (var opened = await _store.OpenAsync(stored.StorageKey, Ct))
        using (var copy = new MemoryStream())
        {
            await opened.CopyToAsync(copy, Ct);
            Assert.Equal(bytes, copy.ToArray());
        }

        await _store.DeleteAsync(stored.StorageKey, Ct);
        await Assert.ThrowsAsync<FileNotFoundException>(() => _store.OpenAsync(stored.StorageKey, Ct));
        await _store.DeleteAsync(stored.StorageKey, Ct); // already gone: no error
    }

    [Fact]
    public async Task Content_type_parameters_and_case_are_dropped()
    {
        var stored = await _store.SaveAsync("notat.txt", "Text/Plain; charset=utf-8", new MemoryStream("æøå"u8.ToArray()), Ct);
        Assert.Equal("text/plain", stored.ContentType);
        Assert.EndsWith(".txt", stored.StorageKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_file_is_rejected()
    {
        var e = await Assert.ThrowsAsync<DocumentRejectedException>(() => _store.SaveAsync("tom.pdf", "application/pdf", new MemoryStream(), Ct));
        Assert.Equal("The file is empty.", e.Message);
        AssertNoFilesStored();
    }

    [Fact]
    public async Task File_over_20_MB_is_rejected_whether_or_not_its_length_is_known()
    {
        var seekable = await Assert.ThrowsAsync<DocumentRejectedException>(() =>
            _store.SaveAsync("stor.pdf", "application/pdf", new MemoryStream(new byte[DocumentRules.MaxLength + 1]), Ct));
        Assert.Contains("larger than 20 MB", seekable.Message, StringComparison.Ordinal);

        await Assert.ThrowsAsync<DocumentRejectedException>(() =>
            _store.SaveAsync("stor.pdf", "application/pdf", new UnknownLengthStream(DocumentRules.MaxLength + 1), Ct));
        AssertNoFilesStored();
    }

    [Fact]
    public async Task File_of_exactly_20_MB_is_accepted()
    {
        var stored = await _store.SaveAsync("grense.png", "image/png", new UnknownLengthStream(DocumentRules.MaxLength), Ct);
        Assert.Equal(DocumentRules.MaxLength, stored.Length);
    }

    [Theory]
    [InlineData("application/x-msdownload")]
    [InlineData("text/html")]
    [InlineData("")]
    public async Task Other_content_types_are_rejected(string contentType)
    {
        var e = await Assert.ThrowsAsync<DocumentRejectedException>(() =>
            _store.SaveAsync("virus.exe", contentType, new MemoryStream([1, 2, 3]), Ct));
        Assert.Contains("Upload a PDF, PNG, JPEG, plain text, e-mail (.eml) or Word (.docx) file.", e.Message, StringComparison.Ordinal);
        AssertNoFilesStored();
    }

    [Theory]
    [InlineData("../../x.pdf", "x.pdf")]
    [InlineData("..\\..\\windows\\x.pdf", "x.pdf")]
    [InlineData("/etc/passwd", "passwd")]
    [InlineData("..", "document.pdf")]
    [InlineData("a<b>:c?.pdf", "abc.pdf")]
    public async Task Path_traversal_in_the_file_name_stays_inside_the_documents_folder(string fileName, string displayName)
    {
        var stored = await _store.SaveAsync(fileName, "application/pdf", new MemoryStream([1, 2, 3]), Ct);

        Assert.Equal(displayName, stored.FileName);
        var file = Assert.Single(Directory.GetFiles(_data.Path, "*", SearchOption.AllDirectories));
        Assert.StartsWith(DocumentsRoot + Path.DirectorySeparatorChar, Path.GetFullPath(file), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_data.Path, "..", "x.pdf")));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("2026/../../secret.pdf")]
    public async Task Keys_the_store_did_not_make_are_refused(string key)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _store.OpenAsync(key, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.DeleteAsync(key, Ct));
    }

    private void AssertNoFilesStored() =>
        Assert.Empty(Directory.Exists(DocumentsRoot) ? Directory.GetFiles(DocumentsRoot, "*", SearchOption.AllDirectories) : []);

    /// <summary>A non-seekable stream of zeros, like a request body whose length the server was not told.</summary>
    private sealed class UnknownLengthStream(long length) : Stream
    {
        private long _left = length;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, _left);
            Array.Clear(buffer, offset, n);
            _left -= n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
