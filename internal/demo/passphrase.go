package demo

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// calmWords make demo passwords that are long, easy to type, and obviously
// not real: four words and a number.
var calmWords = []string{
	"anchor", "apple", "autumn", "beacon", "birch", "bramble", "breeze", "brook",
	"candle", "cedar", "clover", "cobble", "comet", "coral", "cotton", "crane",
	"daisy", "dawn", "delta", "ember", "fern", "fjord", "garden", "harbour",
	"hazel", "heron", "island", "ivy", "juniper", "kettle", "lantern", "linen",
	"maple", "meadow", "moss", "orchard", "otter", "pebble", "pine", "pond",
	"quill", "rain", "river", "robin", "rowan", "saffron", "shore", "sparrow",
	"spruce", "stone", "summer", "thistle", "tide", "valley", "violet", "walnut",
	"willow", "wren", "yarrow", "zephyr", "acorn", "bluebell", "fox", "lark",
}

func passphrase(rng *rand.Rand) string {
	words := make([]string, 4)
	for i := range words {
		words[i] = calmWords[rng.IntN(len(calmWords))]
	}
	return fmt.Sprintf("%s-%d", strings.Join(words, "-"), 10+rng.IntN(90))
}
