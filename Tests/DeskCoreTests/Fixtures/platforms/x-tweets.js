window.YTD.tweets.part0 = [
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1862000000000000120"
          ],
          "editableUntil" : "2026-11-30T06:30:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Dewi S.",
            "screen_name" : "dewi_s",
            "indices" : [
              "0",
              "7"
            ],
            "id_str" : "900000002",
            "id" : "900000002"
          }
        ],
        "urls" : [
          {
            "url" : "https://t.co/AbC987zYx1",
            "expanded_url" : "https://contoh.go.id/posyandu/desember",
            "display_url" : "contoh.go.id/posyandu/desem…",
            "indices" : [
              "40",
              "63"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "104"
      ],
      "favorite_count" : "3",
      "id_str" : "1862000000000000120",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1862000000000000120",
      "created_at" : "Mon Nov 30 05:30:00 +0000 2026",
      "favorited" : false,
      "full_text" : "@dewi_s Jadwal posyandu Desember ada di https://t.co/AbC987zYx1 ya Kak 😊 &amp; jangan lupa bawa buku KIA",
      "lang" : "in",
      "in_reply_to_status_id_str" : "1862000000000000105",
      "in_reply_to_status_id" : "1862000000000000105",
      "in_reply_to_user_id" : "900000002",
      "in_reply_to_user_id_str" : "900000002",
      "in_reply_to_screen_name" : "dewi_s"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1862000000000000000"
          ],
          "editableUntil" : "2026-11-30T06:30:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "83"
      ],
      "favorite_count" : "3",
      "id_str" : "1862000000000000000",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1862000000000000000",
      "created_at" : "Mon Nov 30 00:30:00 +0000 2026",
      "favorited" : false,
      "full_text" : "Selamat pagi, Warga! Ada keluhan soal jalan, lampu, atau sampah? Balas di sini ya 👇",
      "lang" : "in"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1862000000000000121"
          ],
          "editableUntil" : "2026-11-30T06:30:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "62"
      ],
      "favorite_count" : "3",
      "id_str" : "1862000000000000121",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1862000000000000121",
      "created_at" : "Mon Nov 30 05:40:00 +0000 2026",
      "favorited" : false,
      "full_text" : "RT @pemkot_contoh: Car free day Minggu ini tetap berlangsung 🚲",
      "lang" : "in"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1862000000000000122"
          ],
          "editableUntil" : "2026-11-30T06:30:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Dewi S.",
            "screen_name" : "budi_h",
            "indices" : [
              "0",
              "7"
            ],
            "id_str" : "900000001",
            "id" : "900000001"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "12"
      ],
      "favorite_count" : "3",
      "id_str" : "1862000000000000122",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1862000000000000122",
      "created_at" : "Mon Nov 30 05:50:00 +0000 2026",
      "favorited" : false,
      "lang" : "in",
      "in_reply_to_status_id_str" : "1862000000000000106",
      "in_reply_to_status_id" : "1862000000000000106",
      "in_reply_to_user_id" : "900000001",
      "in_reply_to_user_id_str" : "900000001",
      "in_reply_to_screen_name" : "budi_h"
    }
  }
]
