#!/bin/sh
# a comment
cat <<EOF
# not a comment: inside the here-document
text
EOF

cat <<-'END'
	# still text
	END
echo done # trailing
