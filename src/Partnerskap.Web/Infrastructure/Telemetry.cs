using System.Diagnostics;
using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Partnerskap.Web.Infrastructure;

/// <summary>
/// Traces and metrics (OpenTelemetry). The app's own instruments live here; exported over OTLP when the standard
/// OTEL_EXPORTER_OTLP_ENDPOINT is set; without it OpenTelemetry is not started (dotnet-counters can still read the meter).
/// </summary>
public sealed class Telemetry : IDisposable
{
    public const string Name = "Partnerskap";

    public static readonly ActivitySource Source = new(Name);

    private readonly Meter _meter;

    public Telemetry(IMeterFactory meters)
    {
        _meter = meters.Create(Name);
        FeeRuns = _meter.CreateCounter<long>("partnerskap.fee_runs", description: "Fee runs completed (FIN-1)");
        InvoicesIssued = _meter.CreateCounter<long>("partnerskap.invoices_issued", description: "Invoices and credit notes issued");
        Resignations = _meter.CreateCounter<long>("partnerskap.resignations", description: "Written notices registered (MEM-3)");
        Escalations = _meter.CreateCounter<long>("partnerskap.escalations", description: "Deficit escalations raised (FIN-9)");
        Ballots = _meter.CreateCounter<long>("partnerskap.ballots", description: "Ballots counted");
    }

    public Counter<long> FeeRuns { get; }

    public Counter<long> InvoicesIssued { get; }

    public Counter<long> Resignations { get; }

    public Counter<long> Escalations { get; }

    public Counter<long> Ballots { get; }

    public void Dispose() => _meter.Dispose();
}

public static class TelemetrySetup
{
    public static IServiceCollection AddPartnerskapTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<Telemetry>();
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (!otlp)
        {
            // Nowhere to send them: no tracer or meter provider at all. With one, every request recorded an activity
            // and its measurements for nothing (allocations and CPU under load, issue 9). The app's meter still exists,
            // so dotnet-counters can read it, and Telemetry.Source.StartActivity returns null without a listener.
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(Telemetry.Name))
            .WithTracing(t => t.AddSource(Telemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddOtlpExporter())
            .WithMetrics(m => m
                .AddMeter(Telemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation()
                .AddOtlpExporter());
        return services;
    }
}
