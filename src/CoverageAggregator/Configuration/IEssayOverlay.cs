namespace CoverageAggregator.Configuration;

/// <summary>Essays added or removed at run time (admin endpoints), laid over the sources file's essays.</summary>
public interface IEssayOverlay
{
    Task<IReadOnlyList<EssayConfig>> ApplyAsync(IReadOnlyList<EssayConfig> essays, CancellationToken cancellationToken);
}
