using Microsoft.Extensions.Options;
using Partnerskap.Web.Infrastructure;

namespace Partnerskap.Web.Tests.Infrastructure;

/// <summary>A fresh data directory under /tmp, deleted afterwards.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"partnerskap-infra-{Guid.NewGuid():N}");

    public TempDirectory() => Directory.CreateDirectory(Path);

    public IOptions<PartnerskapOptions> Options => Microsoft.Extensions.Options.Options.Create(new PartnerskapOptions { DataDirectory = Path });

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
