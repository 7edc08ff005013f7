using System.Net;
using CoverageAggregator.Fetching;
using Microsoft.Extensions.Time.Testing;
using Polly;

namespace CoverageAggregator.Tests.Fetching;

public class RetryDelayTests
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(HttpRequestError.ResponseEnded)]
    [InlineData(HttpRequestError.ConnectionError)]
    public void AConnectionThatBrokeIsRetriedAtOnceTheFirstTime(HttpRequestError error)
    {
        var outcome = Outcome.FromException<HttpResponseMessage>(new HttpRequestException(error, "broken"));

        var delay = RetryDelay.For(outcome, attempt: 0, Time);

        Assert.InRange(delay, TimeSpan.Zero, TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void AConnectionThatBreaksAgainIsRetriedSoonTheSecondTime()
    {
        var outcome = Outcome.FromException<HttpResponseMessage>(new HttpRequestException(HttpRequestError.ResponseEnded, "broken"));

        var delay = RetryDelay.For(outcome, attempt: 1, Time);

        Assert.InRange(delay, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(750));
    }

    [Fact]
    public void AConnectionThatBreaksAThirdTimeBacksOffLikeAServerError()
    {
        var outcome = Outcome.FromException<HttpResponseMessage>(new HttpRequestException(HttpRequestError.ConnectionError, "refused"));

        var delay = RetryDelay.For(outcome, attempt: 2, Time);

        Assert.InRange(delay, TimeSpan.FromMilliseconds(4100), TimeSpan.FromMilliseconds(4400));
    }

    [Fact]
    public void AServerErrorBacksOffFromOneSecondEvenTheFirstTime()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadGateway);

        var delay = RetryDelay.For(Outcome.FromResult(response), attempt: 0, Time);

        Assert.InRange(delay, TimeSpan.FromMilliseconds(1100), TimeSpan.FromMilliseconds(1400));
    }

    [Fact]
    public void RetryAfterIsWaitedOutWithJitter()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(5));

        var delay = RetryDelay.For(Outcome.FromResult(response), attempt: 0, Time);

        Assert.InRange(delay, TimeSpan.FromMilliseconds(5100), TimeSpan.FromMilliseconds(5400));
    }
}
