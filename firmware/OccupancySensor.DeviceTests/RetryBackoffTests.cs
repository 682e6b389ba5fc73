using nanoFramework.TestFramework;
using OccupancySensor.Runtime;

namespace OccupancySensor.DeviceTests
{
    /// <summary>Back-off of failing sensors, with the device's 64-bit tick arithmetic.</summary>
    [TestClass]
    public class RetryBackoffTests
    {
        [TestMethod]
        public void Doubles_up_to_the_maximum_and_resets_on_success()
        {
            RetryBackoff backoff = new RetryBackoff(250, 1000);
            Assert.AreEqual(250, backoff.Failed(5000000000L));
            Assert.AreEqual(500, backoff.Failed(5000000000L));
            Assert.AreEqual(1000, backoff.Failed(5000000000L));
            Assert.AreEqual(1000, backoff.Failed(5000000000L));
            Assert.AreEqual(5000001000L, backoff.NextAttemptMilliseconds);
            backoff.Succeeded();
            Assert.IsFalse(backoff.IsFailing);
        }
    }
}
