using CoverageAggregator.Collection;
using Microsoft.Extensions.Hosting;

namespace CoverageAggregator.Cli.Hosting;

/// <summary>The local stand-in for the timer and queue triggers: <see cref="ScheduledCollection"/>, reporting to the console.</summary>
internal sealed class CollectionScheduler(ScheduledCollection collection) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => collection.RunAsync(Console.WriteLine, stoppingToken);
}
