namespace OccupancySensor.Processing
{
    /// <summary>
    /// Medians without allocation: the engine's noise and drift estimates are medians, because a person or a
    /// monitor in view must not move them. nanoFramework has no Array.Sort for floats, and sorting 768 pixels by
    /// insertion every frame would cost the ESP32 milliseconds, so this is a quickselect in place: O(n) on average.
    /// </summary>
    public static class RobustStatistics
    {
        /// <summary>
        /// The median of the first <paramref name="count"/> values of <paramref name="values"/>, which are
        /// reordered. For an even count, the mean of the two middle values: the engine's common-mode offset is a
        /// median taken every frame and partly learned into the levels, so the upper median's small upward bias
        /// (a few hundredths of a sigma) was integrated frame after frame into a drift of about 0.35 °C an hour in
        /// an empty, steady scene.
        /// </summary>
        public static float Median(float[] values, int count)
        {
            if (count <= 0)
            {
                return 0f;
            }

            int k = count / 2;
            int left = 0;
            int right = count - 1;
            while (left < right)
            {
                // Median of three as pivot keeps sorted or constant input (an empty room) from going quadratic.
                int middle = left + ((right - left) / 2);
                float a = values[left];
                float b = values[middle];
                float c = values[right];
                float pivot = a < b ? (b < c ? b : (a < c ? c : a)) : (a < c ? a : (b < c ? c : b));
                int i = left;
                int j = right;
                while (i <= j)
                {
                    while (values[i] < pivot)
                    {
                        i++;
                    }

                    while (values[j] > pivot)
                    {
                        j--;
                    }

                    if (i <= j)
                    {
                        float swap = values[i];
                        values[i] = values[j];
                        values[j] = swap;
                        i++;
                        j--;
                    }
                }

                if (k <= j)
                {
                    right = j;
                }
                else if (k >= i)
                {
                    left = i;
                }
                else
                {
                    break;
                }
            }

            if ((count & 1) == 1)
            {
                return values[k];
            }

            // The selection leaves every value left of k no greater than values[k]: the lower middle is their
            // maximum.
            float lower = values[0];
            for (int i = 1; i < k; i++)
            {
                if (values[i] > lower)
                {
                    lower = values[i];
                }
            }

            return (lower + values[k]) * 0.5f;
        }
    }
}
