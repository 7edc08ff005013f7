using System.ComponentModel.DataAnnotations;

namespace CoverageAggregator.Alerts;

/// <summary>Immediate alerts (section "Coverage:Alerts"): new coverage from priority outlets or people, or a spike.</summary>
public sealed class AlertOptions
{
    public const string Section = "Coverage:Alerts";

    /// <summary>Outlet or platform names (case-insensitive) whose new coverage alerts at once.</summary>
    public List<string> PriorityOutlets { get; set; } = [];

    /// <summary>Authors (case-insensitive) whose new coverage alerts at once.</summary>
    public List<string> PriorityPeople { get; set; } = [];

    /// <summary>This many new items within <see cref="SpikeWindowMinutes"/> is a spike; 0 turns spike alerts off.</summary>
    [Range(0, 10_000)]
    public int SpikeCount { get; set; }

    [Range(1, 24 * 60)]
    public int SpikeWindowMinutes { get; set; } = 60;
}
