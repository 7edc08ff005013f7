using CoverageAggregator.Cli;

return await CoverageCommand.Build().Parse(args).InvokeAsync();
