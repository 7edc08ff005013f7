using CoverageAggregator.Deduplication;

namespace CoverageAggregator.Tests.Deduplication;

/// <summary>
/// Signatures are stored in Table Storage and compared with signatures computed later, so the values themselves are part of
/// the format: these were computed by the first implementation (words hashed with FNV-1a over their UTF-8 bytes) and must
/// never change, however the hashing is made faster.
/// </summary>
public class TextSignatureTests
{
    private const string Multilingual =
        "Die „Compute-Klippe“ ist keine Wand, sondern ein Hang: Jedes Quartal, das jemand auf ein Umspannwerk wartet, wird er steiler. "
        + "L’essai de Mara Okafor — « nous ne manquons pas de calcul » — a été lu à São Paulo, Zürich et Kraków. "
        + "彼女は「電力が計算の上限になる」と書いた。Ёлки-палки, говорит инженер, trzeba czekać na podstację; "
        + "the grid’s limits, not the chip’s, set the pace. Ｆｕｌｌｗｉｄｔｈ ＴＥＸＴ and ﬁ ligatures fold under NFKC, "
        + "while café, naïve, façade and coöperate keep their accents. 😀 emoji are not words but 42 and 3.14 are.";

    private static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "Deduplication", name + ".txt"));

    [Theory]
    [InlineData("original", "v1:270:InIgADB5AADVrG8AcTxLARecvQCReLgAlfRHAPgc+gEXkxMCwhNUAAFqTwBwZfgBpbU8ANTKrwAiIn8BaFk0AKLdFQG5UO4AvLBHAsCPIADjHDYAnwWLAOSY8QAcLvMCieUiACuRSQEKt3QBGRG0AANEVADQPBwAS8ZfAMl4lwAo9gACa76tAWSoLgBF+gUAC/tGABFnyQA2lywBX1OEAMQZXQD9P08AePIFAAWJ3QFqzhsAQi5iAI3H6gIPiAwANQnXAiwTgwGvbHcAHi7cAL3PfgC5YF0DRHFWAb726QD9Wz4BXpOOAIKGVwG0LmICJwr5ALtzDwAtIykFm71kArOZUADT8R4BgbARAWKBgACop0cASkzYBBvkigPfmxYAk4ETAAouBQH+6HACNaw+AKrXbgKd8SYAHTyCALPYcgCVQTAAFJsrAEONRgDNm6oAySZDARZEMQBWlsIBuNx3AIgY/gDDVY8Bz59ZABhSNAEC1GoAt9LUAHJcSABrGRICfMFNAFFsJgETl3UAvCahAfkNygCNtoEAb0hIAJkVUQDysgkArLAdAORYagHt1gYASZ81ACAANAAE9UAB+1ObAD0tHALgJS8AiQYnAGj63gFM/sYBvNlVAMKGGQNHdsUAAGaWAOmVkACx8RQAVE8nALl5qwAeWq4AkfsbAOa4QQE=")]
    [InlineData("wire-truncated", "v1:188:ws8yAzB5AADiPZcAcTxLARecvQCReLgAAQZ8Afgc+gEXkxMCwhNUAAFqTwBwZfgBp46aAtTKrwAiIn8BaFk0AKLdFQG5UO4AvLBHAsCPIADjHDYAnwWLAGcCCgEcLvMCieUiAIIYzwEKt3QB4zG7AANEVABayZMACw9GAcl4lwAo9gACBO2zAWSoLgBF+gUAC/tGABFnyQA2lywBZZnDAJT/dwBZ7KkAePIFAAWJ3QFqzhsALTQ1AY3H6gIPiAwANQnXAiwTgwGvbHcAHi7cAL3PfgCfZ/8ERHFWAb726QDOiqIEXpOOAIKGVwG0LmICJwr5AAcWDwItIykFm71kArOZUABtCr4BgbARAWKBgACXmHEASkzYBBvkigPfmxYAk4ETAAouBQGKCNUCg8XDAKrXbgL5iqYDHTyCALPYcgCVQTAAFJsrAEONRgDVoQkB4ySSARZEMQBWlsIBuNx3AIgY/gDDVY8Bz59ZAKbC/AEC1GoAt9LUAHJcSABrGRICfMFNAGMBVwITl3UAvCahAVWi0wF9yq8Ab0hIAFNz0ADysgkArLAdAORYagHt1gYAJluVAfPyEAEE9UAB+1ObAD0tHALgJS8AiQYnAGj63gFM/sYBvNlVACf0VQNHdsUAAGaWAOmVkADduzABVE8nALl5qwAeWq4AkfsbAOa4QQE=")]
    public void AStoredSignatureOfAFixtureNeverChanges(string name, string expected) =>
        Assert.Equal(expected, TextSignature.Of(Text(name))!.Serialize());

    [Fact]
    public void AStoredSignatureOfNonAsciiTextNeverChanges() =>
        Assert.Equal(
            "v1:82:VYs4DKDfJAOILgAFUW+IAKMJ1gC4hbYBMMyeASM1tgBlVTICr7A/Acd6YAPRrfUATVeXAE34TAHVZKkCRPdBAIS21wpMfNYCwbkyAZS/nAQ9dTED4pMYAtvyqAM8a+wCcXZOAKJVCwRDlmUCFR4PAWBwDQCHED8Be4VLAFHghQDbNF8A0jkEAIIzxAJ4o3AByGBQAc8NlAIGwhUC7ZwxCv/yVwYLz7wFUneyAa6FjgGpAF0DPz5sAHNUEwJZ3hQCnyvOBHDP4Q3xsJQB3SxXBCt+OgBd/isAfnCiCVAO1QcUl/ABMYd4AflMOADJrWYBD/bxAnGeTwGLgGUBACMDAGw7qQLKt0YB7MkaA6XQLgTKxwUAHgqaABbwUwN6fMkD3uT0AC9OPQJFzvsC3kunAFaK4AjeqKICyy4eBGPI2gTiYTMAf21dAVeYzAjBm7sCX+p2BorxvQHPbdMBXUEjBJyPigbUuCEGZdD4AeD1DQWsHtIG4HWgBXcLQAPDpswBJ3+EAdTzqAAIg5ME6jU6AMjhxgU3v4QD0H5gAwJrgQJzrAQCsTsFAZwM3wBIeD4CfNgIANa2AgYXagoCw0IrBo50ZQNBDj8DpehgBXhEjgN16NYAPlcDAOVHMQAM3D0D+N2SBExHXgIRnWgADbgbACCSPwB5PA8CAbcLAGJcoQA=",
            TextSignature.Of(Multilingual)!.Serialize());

    [Theory]
    [InlineData("original", "syndicated")]
    [InlineData("original", "wire-truncated")]
    [InlineData("original", "other-quoting-same-sentence")]
    [InlineData("amp", "amp")]
    public void JaccardIsTheShareOfEqualMinima(string a, string b)
    {
        var (x, y) = (TextSignature.Of(Text(a))!, TextSignature.Of(Text(b))!);
        var equal = 0;
        for (var k = 0; k < TextSignature.Hashes; k++)
        {
            equal += x.Minima[k] == y.Minima[k] ? 1 : 0;
        }

        Assert.Equal(equal / (double)TextSignature.Hashes, x.Jaccard(y));
        Assert.Equal(x.Jaccard(y), y.Jaccard(x));
    }
}
